package dev.sredsl.conventions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What the generated burn-rate alerts of an SLO demand: read by the checks that run before generation
 * and by the generators that write the alerts, so that both judge by the same factors.
 * An alert fires when the error ratio exceeds factor x error budget; a ratio cannot exceed 1, so an SLO
 * whose budget is large compared with its period has alerts that can never fire.
 */
public final class BurnRates {

  /** The two alert tiers of every SLO. */
  public enum AlertTier {
    /** Pages: the budget burns fast (the hour and six-hour windows). */
    FAST(BurnRateWindow.PAGE),
    /** Opens tickets: the budget burns steadily (the day and three-day windows). */
    SLOW(BurnRateWindow.TICKET);

    private final List<BurnRateWindow> windows;

    AlertTier(List<BurnRateWindow> windows) {
      this.windows = windows;
    }

    /** The windows whose conditions, any of them, fire the tier's alert. */
    public List<BurnRateWindow> windows() {
      return windows;
    }
  }

  private BurnRates() {}

  /**
   * The smallest burn-rate factor among the tier's conditions for an SLO over {@code period}: the
   * alert can fire only while factor x error budget stays below 1.
   */
  public static BigDecimal smallestFactor(Duration period, AlertTier tier) {
    return tier.windows.stream().map(w -> w.factor(period)).min(BigDecimal::compareTo).orElseThrow();
  }
}
