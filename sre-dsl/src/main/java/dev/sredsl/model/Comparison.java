package dev.sredsl.model;

/** The direction in which a threshold is crossed. */
public enum Comparison {
  ABOVE(">"),
  BELOW("<");

  private final String operator;

  Comparison(String operator) {
    this.operator = operator;
  }

  public String operator() {
    return operator;
  }
}
