package dev.sredsl.diff;

import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.Printer;
import java.time.Duration;
import java.util.Objects;

/** Small comparisons and forms the differs share. */
final class Values {

  private Values() {}

  /** PromQL as the project's printer writes it, so that spacing and quoting never count as a change. */
  static String canonical(String promql) {
    if (promql == null) {
      return null;
    }
    try {
      return Printer.print(PromQL.parse(promql));
    } catch (IllegalArgumentException notOurs) {
      return promql.strip();
    }
  }

  /**
   * A dashboard query: canonical when it parses once Grafana's variables are taken as plain windows,
   * else as written (Grafana's {@code $__rate_interval} is no PromQL).
   */
  static String canonicalOrRaw(String query) {
    if (query.contains("$")) {
      return query.strip();
    }
    return canonical(query);
  }

  /** A Prometheus duration, or zero when absent or unreadable (no {@code for} is a wait of zero). */
  static Duration duration(String text) {
    if (text == null || text.isEmpty()) {
      return Duration.ZERO;
    }
    try {
      return PromDuration.parse(text);
    } catch (IllegalArgumentException e) {
      return Duration.ZERO;
    }
  }

  static boolean differ(Object a, Object b) {
    return !Objects.equals(a, b);
  }

  /** {@code before → after}, with "none" for an absent side. */
  static String arrow(String before, String after) {
    return orNone(before) + " → " + orNone(after);
  }

  static String orNone(String value) {
    return value == null || value.isEmpty() ? "none" : value;
  }
}
