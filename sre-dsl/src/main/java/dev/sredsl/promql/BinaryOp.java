package dev.sredsl.promql;

/** Binary operators, with PromQL's precedence (higher binds tighter). */
public enum BinaryOp {
  OR("or", 1), AND("and", 2), UNLESS("unless", 2),
  EQ("==", 3), NEQ("!=", 3), GT(">", 3), LT("<", 3), GTE(">=", 3), LTE("<=", 3),
  ADD("+", 4), SUB("-", 4),
  MUL("*", 5), DIV("/", 5), MOD("%", 5), ATAN2("atan2", 5),
  POW("^", 6);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  /** Only {@code ^} groups to the right: {@code a ^ b ^ c} is {@code a ^ (b ^ c)}. */
  public boolean isRightAssociative() {
    return this == POW;
  }

  public boolean isComparison() {
    return precedence == 3;
  }

  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }
}
