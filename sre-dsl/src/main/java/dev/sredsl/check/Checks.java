package dev.sredsl.check;

import dev.sredsl.problem.ElementProblems;
import dev.sredsl.problem.Problem;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reports problems for one element of one service; the small shared checks live here. */
final class Checks {

  private final ElementProblems at;

  Checks(ElementProblems at) {
    this.at = at;
  }

  Checks element(String child) {
    return new Checks(at.nested(child));
  }

  int problemCount() {
    return at.count();
  }

  void report(String message) {
    at.report(message);
  }

  void reportIfNotNull(String message) {
    if (message != null) {
      report(message);
    }
  }

  /** A text that, when given, has content. */
  void optionalText(String what, String text) {
    if (text != null && text.isBlank()) {
      report(what + " is blank; write it out or leave it out");
    }
    unicode(what, text);
  }

  void requiredText(String what, String text, String fix) {
    if (text == null || text.isBlank()) {
      report(what + " is missing; " + fix);
    }
    unicode(what, text);
  }

  /**
   * Text is written as UTF-8; half of a surrogate pair (a string cut in the middle of an emoji, say)
   * has no UTF-8 form and would silently become '?' in every generated file. A byte-order mark is
   * refused too; see below.
   */
  void unicode(String what, String text) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        report(what + " is not valid Unicode: it holds half of a surrogate pair (" + String.format(Locale.ROOT,
            "\\u%04x", (int) c) + ") at index " + i + "; keep characters whole when cutting or building the text");
        return;
      } else if (c == '\ufeff') {
        // Go's YAML reader (Prometheus, Alertmanager) takes a byte-order mark that lands on the edge of
        // its read buffer for the start of a new stream and rejects the file, so none may be written.
        report(what + " holds a byte-order mark (\\ufeff) at index " + i + ", which the YAML reader of Prometheus"
            + " and Alertmanager can mistake for the start of a file; remove it");
        return;
      }
    }
  }

  /** A window or wait: positive, a whole number of {@code unit}, and at most {@code max}. */
  void duration(String what, Duration value, Duration unit, Duration max, String fix) {
    if (value == null) {
      report(what + " is missing; " + fix);
    } else if (value.isNegative() || value.isZero()) {
      report(what + " must be positive, was " + show(value) + "; " + fix);
    } else if (value.compareTo(max) > 0) {
      report(what + " must be at most " + show(max) + ", was " + show(value) + "; " + fix);
    } else if (value.toNanos() % unit.toNanos() != 0) {
      report(what + " must be a whole number of " + (unit.equals(Duration.ofSeconds(1)) ? "seconds" : "milliseconds")
          + ", was " + show(value));
    }
  }

  /**
   * Hand-written PromQL: it must parse as Prometheus parses it and give an instant vector or a scalar,
   * the types rules and panels can use.
   */
  void promql(String what, String expression) {
    if (expression == null || expression.isBlank()) {
      return; // reported as missing by the caller
    }
    try {
      dev.sredsl.promql.Expr parsed = dev.sredsl.promql.PromQL.parse(expression);
      for (String problem : LabelNameArguments.problems(parsed)) {
        report(what + " names a label that is no label name: " + problem + "; Prometheus would fail the rule at"
            + " every evaluation, so use letters, digits and '_', not starting with a digit");
      }
      dev.sredsl.promql.ValueType type = parsed.type();
      if (type == dev.sredsl.promql.ValueType.RANGE_VECTOR) {
        report(what + " gives a range vector; wrap it in a function such as rate(...) or max_over_time(...)");
      } else if (type == dev.sredsl.promql.ValueType.STRING) {
        report(what + " gives a string; it must give an instant vector or a scalar");
      }
    } catch (dev.sredsl.promql.PromQLException e) {
      report(what + " is not valid PromQL: " + e.getMessage());
    }
  }

  /**
   * A duration as users write it for Prometheus (5m, 1h30m), also when zero ({@code 0s}) or negative
   * ({@code -5m}); in ISO form only when it is not a whole number of milliseconds.
   */
  static String show(Duration value) {
    if (value.isZero()) {
      return "0s";
    }
    Duration magnitude = value.abs();
    if (!dev.sredsl.promql.PromDuration.isRepresentable(magnitude)) {
      return value.toString();
    }
    return (value.isNegative() ? "-" : "") + dev.sredsl.promql.PromDuration.format(magnitude);
  }

  /** Reports names given to more than one item. */
  <T> void unique(String what, List<T> items, Function<T, String> name) {
    unique(what, items, name, false);
  }

  /**
   * Reports names given to more than one item.
   *
   * @param equalMayRepeat whether equal items may share a name (one preset used for a signal and as a
   *     dependency's health)
   */
  <T> void unique(String what, List<T> items, Function<T, String> name, boolean equalMayRepeat) {
    java.util.Map<String, T> seen = new java.util.HashMap<>();
    Set<String> reported = new HashSet<>();
    for (T item : items) {
      String n = name.apply(item);
      T earlier = n == null ? null : seen.putIfAbsent(n, item);
      if (earlier != null && !(equalMayRepeat && earlier.equals(item)) && reported.add(n)) {
        report(what + " " + Problem.quoteName(n) + " is declared more than once; names must be unique, so"
            + " rename or remove one");
      }
    }
  }
}
