package dev.sredsl.promql;

import java.util.regex.Pattern;

/** Lexical rules of PromQL shared by the printer and the checks: names and string literals. */
public final class PromqlStrings {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private PromqlStrings() {}

  /**
   * Whether {@code name} is a valid label name: ASCII letters, digits and underscores, not starting
   * with a digit.
   *
   * @param name the name, or {@code null}
   * @return {@code true} when valid; {@code false} for {@code null}
   */
  public static boolean isLabelName(String name) {
    return name != null && LABEL_NAME.matcher(name).matches();
  }

  /**
   * Whether {@code name} is a valid metric name: ASCII letters, digits, underscores and colons, not
   * starting with a digit.
   *
   * @param name the name, or {@code null}
   * @return {@code true} when valid; {@code false} for {@code null}
   */
  public static boolean isMetricName(String name) {
    return name != null && METRIC_NAME.matcher(name).matches();
  }

  /**
   * A double-quoted PromQL string literal; escapes follow Go's rules, which PromQL uses.
   *
   * @param value the text, not {@code null}
   * @return the literal, with {@code "}, backslash and control characters escaped
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
