package dev.sredsl.promql;

/** The four types a PromQL expression can evaluate to. */
public enum ValueType {
  SCALAR("scalar"),
  INSTANT_VECTOR("instant vector"),
  RANGE_VECTOR("range vector"),
  STRING("string");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** As the PromQL documentation names it, e.g. {@code range vector}. */
  public String description() {
    return description;
  }
}
