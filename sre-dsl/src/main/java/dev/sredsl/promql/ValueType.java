package dev.sredsl.promql;

/** The four types a PromQL expression can evaluate to. */
public enum ValueType {
  /** A single number, e.g. {@code 0.05} or {@code scalar(x)}. */
  SCALAR("scalar"),
  /** One sample per series at the evaluation time, e.g. {@code up} or {@code rate(x[5m])}. */
  INSTANT_VECTOR("instant vector"),
  /** The samples of each series over a range, e.g. {@code x[5m]}; only functions take it. */
  RANGE_VECTOR("range vector"),
  /** A string literal, e.g. the label arguments of {@code label_replace}. */
  STRING("string");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /**
   * As the PromQL documentation names it, e.g. {@code range vector}; used in error messages.
   *
   * @return the name in words
   */
  public String description() {
    return description;
  }
}
