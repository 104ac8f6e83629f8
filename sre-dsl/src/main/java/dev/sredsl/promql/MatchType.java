package dev.sredsl.promql;

/** The four label-matcher operators of a PromQL vector selector. */
public enum MatchType {
  /** {@code =}: the value equals. */
  EQUAL("="),
  /** {@code !=}: the value differs. */
  NOT_EQUAL("!="),
  /** {@code =~}: the whole value matches a regular expression. */
  REGEX("=~"),
  /** {@code !~}: the whole value does not match a regular expression. */
  NOT_REGEX("!~");

  private final String operator;

  MatchType(String operator) {
    this.operator = operator;
  }

  /**
   * The operator as written in PromQL.
   *
   * @return {@code =}, {@code !=}, {@code =~} or {@code !~}
   */
  public String operator() {
    return operator;
  }
}
