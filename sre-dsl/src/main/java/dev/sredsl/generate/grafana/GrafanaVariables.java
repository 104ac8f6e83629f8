package dev.sredsl.generate.grafana;

import dev.sredsl.promql.PromDuration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A panel query's Grafana variables replaced by values PromQL parses, so that the query can be parsed
 * and checked like any other: by the dashboard lint, and by verification against a live server.
 * {@code $__rate_interval}, {@code $__interval}, {@code $__range} (also as {@code ${...}}) become
 * durations; {@code $__interval_ms} and the like become numbers; any other {@code $name},
 * {@code ${name}}, {@code ${name:format}} or {@code [[name]]} becomes the word {@code var}, or a
 * duration where PromQL reads one (right after {@code [}, after {@code :} inside brackets, after
 * {@code offset}, or right before {@code ]}). Every duration put in is a unique, unusual value
 * ({@code 17m13s100ms}, {@code 17m13s101ms}, ...) remembered with the text it replaced.
 */
public final class GrafanaVariables {

  /** {@code ${name}} or {@code ${name:format}}, {@code [[name]]} or {@code [[name:format]]}, {@code $name}. */
  private static final Pattern VARIABLE = Pattern.compile(
      "\\$\\{([^}:]+)(?::[^}]*)?}|\\[\\[([A-Za-z0-9_.]+)(?::[^\\]]*)?]]|\\$([A-Za-z0-9_]+)");

  private static final Set<String> DURATION_BUILTINS = Set.of("__rate_interval", "__interval", "__range");
  private static final Set<String> NUMBER_BUILTINS = Set.of(
      "__interval_ms", "__rate_interval_ms", "__range_s", "__range_ms", "__from", "__to");

  private GrafanaVariables() {}

  /** The expression with variables replaced, and the text each inserted duration stands for. */
  public record Substituted(String text, Map<Duration, String> originals) {}

  /** The query with its variables replaced. */
  public static Substituted substitute(String expr) {
    Map<Duration, String> originals = new HashMap<>();
    StringBuilder out = new StringBuilder();
    Matcher m = VARIABLE.matcher(expr);
    int last = 0;
    while (m.find()) {
      out.append(expr, last, m.start());
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String replacement;
      if (NUMBER_BUILTINS.contains(name)) {
        replacement = "60";
      } else if (DURATION_BUILTINS.contains(name) || expectsDuration(expr, m.start(), m.end())) {
        // A unique duration nobody writes by hand, so the range can be traced back to this variable.
        replacement = "17m13s" + (100 + originals.size()) + "ms";
        originals.put(PromDuration.parse(replacement), m.group());
      } else {
        replacement = "var";
      }
      out.append(replacement);
      last = m.end();
    }
    out.append(expr, last, expr.length());
    return new Substituted(out.toString(), originals);
  }

  /** Whether a variable at [start, end) stands where PromQL reads a duration. */
  private static boolean expectsDuration(String expr, int start, int end) {
    String before = expr.substring(0, start).stripTrailing();
    String after = expr.substring(end).stripLeading();
    boolean insideBrackets = before.lastIndexOf('[') > before.lastIndexOf(']');
    return before.endsWith("[")
        || (before.endsWith(":") && insideBrackets)
        || before.matches("(?s).*\\boffset\\s*-?")
        || (after.startsWith("]") && insideBrackets);
  }
}
