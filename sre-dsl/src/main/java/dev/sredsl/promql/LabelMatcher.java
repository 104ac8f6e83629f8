package dev.sredsl.promql;

import java.util.Objects;

/** One {@code name op "value"} matcher inside a vector selector's braces. */
public record LabelMatcher(String name, MatchType type, String value) {

  public LabelMatcher {
    Objects.requireNonNull(type, "type");
  }

  public static LabelMatcher eq(String name, String value) {
    return new LabelMatcher(name, MatchType.EQUAL, value);
  }

  public static LabelMatcher neq(String name, String value) {
    return new LabelMatcher(name, MatchType.NOT_EQUAL, value);
  }

  public static LabelMatcher regex(String name, String value) {
    return new LabelMatcher(name, MatchType.REGEX, value);
  }

  public static LabelMatcher notRegex(String name, String value) {
    return new LabelMatcher(name, MatchType.NOT_REGEX, value);
  }

  /** Prints the matcher as PromQL, with the value as a double-quoted, escaped string literal. */
  @Override
  public String toString() {
    return name + type.operator() + PromqlStrings.quote(value);
  }
}
