package dev.sredsl.promql;

/**
 * Binary operators, with PromQL's precedence (higher binds tighter). Each constant stands for the
 * operator it is named after, e.g. {@code DIV} for {@code /}, {@code GTE} for {@code >=}, {@code POW}
 * for {@code ^}; {@link #symbol()} gives the text.
 */
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

  /**
   * The operator as written in PromQL.
   *
   * @return e.g. {@code /}, {@code >=} or {@code unless}
   */
  public String symbol() {
    return symbol;
  }

  /**
   * How tightly the operator binds, as in Prometheus.
   *
   * @return from 1 ({@code or}) to 6 ({@code ^})
   */
  public int precedence() {
    return precedence;
  }

  /**
   * Only {@code ^} groups to the right: {@code a ^ b ^ c} is {@code a ^ (b ^ c)}.
   *
   * @return {@code true} for {@code POW}
   */
  public boolean isRightAssociative() {
    return this == POW;
  }

  /**
   * Whether the operator compares ({@code ==}, {@code !=}, {@code >}, {@code <}, {@code >=},
   * {@code <=}); only comparisons take the {@code bool} modifier.
   *
   * @return {@code true} for a comparison
   */
  public boolean isComparison() {
    return precedence == 3;
  }

  /**
   * Whether the operator works on sets of series ({@code and}, {@code or}, {@code unless}), which
   * only instant vectors take.
   *
   * @return {@code true} for a set operator
   */
  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }
}
