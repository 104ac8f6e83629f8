package dev.sredsl.promql;

import java.util.Objects;

/**
 * One {@code name op "value"} matcher inside a vector selector's braces, e.g.
 * {@code LabelMatcher.eq("job", "checkout")} for {@code job="checkout"}. Only the type is required
 * here; the name and value are checked where the matcher is used (a service's selector is validated
 * with the definition: a valid label name, a value, a regex RE2 accepts).
 *
 * @param name the label name
 * @param type the operator; not {@code null}
 * @param value the value or, for the regex types, the regular expression; printed escaped
 */
public record LabelMatcher(String name, MatchType type, String value) {

  public LabelMatcher {
    Objects.requireNonNull(type, "type");
  }

  /**
   * {@code name="value"}: series whose label equals the value. An empty value selects series without
   * the label.
   *
   * @param name the label name
   * @param value the value
   * @return the matcher
   */
  public static LabelMatcher eq(String name, String value) {
    return new LabelMatcher(name, MatchType.EQUAL, value);
  }

  /**
   * {@code name!="value"}: series whose label differs from the value, including series without it.
   *
   * @param name the label name
   * @param value the value
   * @return the matcher
   */
  public static LabelMatcher neq(String name, String value) {
    return new LabelMatcher(name, MatchType.NOT_EQUAL, value);
  }

  /**
   * {@code name=~"regex"}: series whose whole label value matches the regular expression (Prometheus
   * anchors it), e.g. {@code regex("status", "5..")}. The syntax is Go's RE2; see
   * {@code PromQL.regexProblem} to check it.
   *
   * @param name the label name
   * @param value the regular expression, without anchors
   * @return the matcher
   */
  public static LabelMatcher regex(String name, String value) {
    return new LabelMatcher(name, MatchType.REGEX, value);
  }

  /**
   * {@code name!~"regex"}: series whose label value does not match the regular expression as a whole.
   *
   * @param name the label name
   * @param value the regular expression, without anchors
   * @return the matcher
   */
  public static LabelMatcher notRegex(String name, String value) {
    return new LabelMatcher(name, MatchType.NOT_REGEX, value);
  }

  /** Prints the matcher as PromQL, with the value as a double-quoted, escaped string literal. */
  @Override
  public String toString() {
    return name + type.operator() + PromqlStrings.quote(value);
  }
}
