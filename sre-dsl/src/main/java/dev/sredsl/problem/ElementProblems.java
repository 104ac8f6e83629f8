package dev.sredsl.problem;

import java.util.List;

/**
 * Where problems of one element of one service go: the service, the element's path within it (e.g.
 * {@code alert 'HighErrors', runbook}) and the list every problem of a build is collected in. Both the
 * DSL (misuse while declaring) and validation (what is wrong once declared) report through it, so
 * that their lines name the service and the element the same way.
 */
public final class ElementProblems {

  private final String service;
  private final String element;
  private final List<Problem> problems;

  /**
   * @param service the service's name, or {@code null} for problems outside any service
   * @param element the element, or {@code null} for the service itself
   * @param problems where problems are added; shared by every element of a build
   */
  public ElementProblems(String service, String element, List<Problem> problems) {
    this.service = service;
    this.element = element;
    this.problems = problems;
  }

  /** The same service, one element deeper: {@code alert 'X'} then {@code alert 'X', runbook}. */
  public ElementProblems nested(String child) {
    return new ElementProblems(service, element == null ? child : element + ", " + child, problems);
  }

  /** Adds a problem of this element; {@code message} says what is wrong and the fix. */
  public void report(String message) {
    problems.add(Problem.of(service, element, message));
  }

  /** How many problems the whole build has so far, this element's and all others'. */
  public int count() {
    return problems.size();
  }
}
