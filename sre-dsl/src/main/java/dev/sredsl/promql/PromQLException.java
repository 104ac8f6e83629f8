package dev.sredsl.promql;

/**
 * An expression that is not valid PromQL. The message starts with the 1-based column of the problem
 * and says what was expected, e.g. {@code column 17: expected ')' after the arguments of rate, found ','}.
 */
public final class PromQLException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int column;
  private final String problem;

  public PromQLException(int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
    this.problem = problem;
  }

  /** 1-based column (in characters) where the problem starts. */
  public int column() {
    return column;
  }

  /** The message without the column. */
  public String problem() {
    return problem;
  }
}
