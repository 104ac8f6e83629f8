package dev.sredsl.diff.routing;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One condition of a route on one label of an alert, with Alertmanager's meaning: a label the alert
 * does not have reads as the empty string (so {@code team=""} and {@code team!~".+"} match an alert
 * without {@code team}), and a regex must match the whole value, as if written {@code ^(?:regex)$}.
 * Equal when name, operator and value are.
 */
public final class RouteMatcher {

  /** The four operators of Alertmanager's matchers, as written between name and value. */
  public enum Operator {
    EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** As written in a matcher, e.g. {@code =~}. */
    public String symbol() {
      return symbol;
    }

    boolean isRegex() {
      return this == REGEX || this == NOT_REGEX;
    }
  }

  private final String name;
  private final Operator operator;
  private final String value;
  /** The compiled regex of a regex operator, else null. */
  private final Pattern pattern;

  private RouteMatcher(String name, Operator operator, String value, Pattern pattern) {
    this.name = name;
    this.operator = operator;
    this.value = value;
    this.pattern = pattern;
  }

  /**
   * @param name the label's name
   * @param operator how the label's value is compared
   * @param value the value, or for a regex operator the RE2 regex without anchors
   * @return the matcher
   * @throws IllegalArgumentException when the regex is not one Alertmanager accepts, saying why
   */
  public static RouteMatcher of(String name, Operator operator, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    return new RouteMatcher(name, operator, value, operator.isRegex() ? Re2Pattern.compile(value) : null);
  }

  public String name() {
    return name;
  }

  public Operator operator() {
    return operator;
  }

  public String value() {
    return value;
  }

  /** Whether the alert's labels satisfy this matcher; an absent label is the empty string. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.get(name);
    String v = actual == null ? "" : actual;
    return switch (operator) {
      case EQUAL -> v.equals(value);
      case NOT_EQUAL -> !v.equals(value);
      case REGEX -> pattern.matcher(v).matches();
      case NOT_REGEX -> !pattern.matcher(v).matches();
    };
  }

  /**
   * As a {@code matchers:} entry reads it back: {@code name="value"} with {@code \\}, {@code \"} and
   * {@code \n} escaped.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name).append(operator.symbol()).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RouteMatcher m && name.equals(m.name) && operator == m.operator && value.equals(m.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, operator, value);
  }
}
