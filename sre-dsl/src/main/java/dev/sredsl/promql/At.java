package dev.sredsl.promql;

/**
 * The {@code @} modifier: evaluate at a fixed Unix time in seconds, or at the start or end of the
 * query range.
 *
 * @param timestamp seconds since the epoch; {@code NaN} for {@code start()} and {@code end()}
 * @param preprocessor {@code null}, {@code "start"} or {@code "end"}
 */
public record At(double timestamp, String preprocessor) {

  /** {@code @ start()}: the start of the query range (the evaluation time of an instant query). */
  public static final At START = new At(Double.NaN, "start");
  /** {@code @ end()}: the end of the query range (the evaluation time of an instant query). */
  public static final At END = new At(Double.NaN, "end");

  /**
   * {@code @ <seconds>}: a fixed point in time.
   *
   * @param seconds Unix time in seconds, e.g. {@code 1700000000}
   * @return the modifier
   */
  public static At timestamp(double seconds) {
    return new At(seconds, null);
  }
}
