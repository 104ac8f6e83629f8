package dev.sredsl.generate;

import java.math.BigDecimal;
import java.time.Duration;

/** Numbers as generated files print them: shortest exact decimal, no exponent, no locale. */
public final class Numbers {

  private Numbers() {}

  public static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A duration in seconds, e.g. {@code 0.3} for 300 ms: Prometheus' base unit of time. */
  public static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
  }
}
