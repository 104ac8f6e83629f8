package dev.sredsl.model;

/** The direction in which a threshold is crossed. */
public enum Comparison {
  /** Active while the value is greater than the threshold. */
  ABOVE(">"),
  /** Active while the value is less than the threshold. */
  BELOW("<");

  private final String operator;

  Comparison(String operator) {
    this.operator = operator;
  }

  /**
   * The PromQL comparison operator the generated rule uses.
   *
   * @return {@code >} or {@code <}
   */
  public String operator() {
    return operator;
  }
}
