package dev.sredsl.generate.openslo;

import dev.sredsl.model.BurnRateWindow;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Numbers and durations as OpenSLO writes them: decimals without exponent or trailing zeros, and
 * duration shorthands in the largest whole unit of days, hours or minutes.
 */
final class OpenSloNumbers {

  private OpenSloNumbers() {}

  /**
   * The condition's burn-rate factor as the reader gives it back: the decimal of the nearest double,
   * since the model holds burn rates as doubles.
   */
  static BigDecimal factor(BurnRateWindow window, Duration period) {
    return plain(BigDecimal.valueOf(window.factor(period).doubleValue()));
  }

  /** An objective in percent as OpenSLO's {@code target}, a ratio: 99.9 gives 0.999. */
  static BigDecimal target(double percent) {
    return plain(BigDecimal.valueOf(percent).movePointLeft(2));
  }

  /** The decimal without trailing zeros, and without an exponent where it is a whole number. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * A duration shorthand, e.g. {@code 28d}, {@code 6h}, {@code 5m}. OpenSLO has no unit below minutes;
   * validated SLOs have whole minutes.
   */
  static String duration(Duration duration) {
    long minutes = duration.toMinutes();
    if (!Duration.ofMinutes(minutes).equals(duration)) {
      throw new IllegalArgumentException("OpenSLO durations are whole minutes; " + duration + " is not");
    }
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }
}
