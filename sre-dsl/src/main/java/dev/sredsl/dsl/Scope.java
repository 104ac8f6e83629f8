package dev.sredsl.dsl;

import dev.sredsl.problem.Failures;
import dev.sredsl.problem.ElementProblems;
import java.util.function.Consumer;

/**
 * Runs one nested part of a declaration. Builders and value factories reject misuse at once with an
 * {@link IllegalArgumentException}; here it becomes a problem that names the service and the element,
 * and declaring goes on, so that one build reports every mistake.
 */
record Scope(ElementProblems at) {

  Scope nested(String childElement) {
    return new Scope(at.nested(childElement));
  }

  /**
   * @return whether the declaration ran to its end; when it did not, the caller drops the half-built
   *     element, so that its missing parts are not reported as further problems
   */
  <B> boolean run(B builder, Consumer<? super B> spec) {
    if (spec == null) {
      at.report("the declaration is missing; pass a lambda such as x -> x....");
      return false;
    }
    try {
      spec.accept(builder);
      return true;
    } catch (IllegalArgumentException misuse) {
      at.report(misuse.getMessage() != null ? misuse.getMessage() : Failures.describe(misuse));
      return false;
    }
  }

  void report(String message) {
    at.report(message);
  }

  /**
   * Adds the items that are not null; for each null one reports {@code message}. The model holds no
   * nulls, so a forgotten initialisation is reported here rather than failing later.
   */
  <T> void addNonNull(java.util.Collection<T> target, java.util.List<? extends T> items, String message) {
    for (T item : items) {
      if (item == null) {
        report(message);
      } else {
        target.add(item);
      }
    }
  }
}
