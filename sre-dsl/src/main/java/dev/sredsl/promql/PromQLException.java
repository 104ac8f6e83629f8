package dev.sredsl.promql;

/**
 * An expression that is not valid PromQL. The message starts with the 1-based column of the problem
 * and says what was expected, e.g. {@code column 17: expected ')' after the arguments of rate, found ','}.
 * Thrown by {@code PromQL.parse}; {@link #column()} and {@link #problem()} give the two parts apart,
 * e.g. to point at the column in an editor.
 */
public final class PromQLException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** 1-based column where the problem starts. */
  private final int column;
  /** The message without the column. */
  private final String problem;

  /**
   * An exception whose message is {@code column <column>: <problem>}.
   *
   * @param column 1-based column, in characters, where the problem starts
   * @param problem what is wrong and what was expected, in words
   */
  public PromQLException(int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
    this.problem = problem;
  }

  /**
   * 1-based column (in characters) where the problem starts.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * The message without the column.
   *
   * @return what is wrong, e.g. {@code expected ')' after the arguments of rate, found ','}
   */
  public String problem() {
    return problem;
  }
}
