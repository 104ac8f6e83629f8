package dev.sredsl.generate.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What the generated burn-rate alerts of an SLO demand, for the checks that run before generation.
 * An alert fires when the error ratio exceeds factor x error budget; a ratio cannot exceed 1, so an SLO
 * whose budget is large compared with its period has alerts that can never fire.
 */
public final class BurnRates {

  /** The two alert tiers of every SLO. */
  public enum Tier {
    /** Pages: the budget burns fast (the hour and six-hour windows). */
    FAST(BurnRateWindow.PAGE),
    /** Opens tickets: the budget burns steadily (the day and three-day windows). */
    SLOW(BurnRateWindow.TICKET);

    private final List<BurnRateWindow> windows;

    Tier(List<BurnRateWindow> windows) {
      this.windows = windows;
    }
  }

  private BurnRates() {}

  /**
   * The smallest burn-rate factor among the tier's conditions for an SLO over {@code period}: the
   * alert can fire only while factor x error budget stays below 1.
   */
  public static BigDecimal smallestFactor(Duration period, Tier tier) {
    return tier.windows.stream().map(w -> w.factor(period)).min(BigDecimal::compareTo).orElseThrow();
  }
}
