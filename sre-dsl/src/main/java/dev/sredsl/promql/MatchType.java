package dev.sredsl.promql;

/** The four label-matcher operators of a PromQL vector selector. */
public enum MatchType {
  EQUAL("="),
  NOT_EQUAL("!="),
  REGEX("=~"),
  NOT_REGEX("!~");

  private final String operator;

  MatchType(String operator) {
    this.operator = operator;
  }

  public String operator() {
    return operator;
  }
}
