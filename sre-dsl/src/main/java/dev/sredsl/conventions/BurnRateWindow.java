package dev.sredsl.conventions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;

/**
 * One condition of the SRE Workbook's multi-window, multi-burn-rate alerts: the long window spends
 * {@code budgetShare} of the error budget, and the short window (a twelfth of the long one) confirms
 * that it is still burning, so the alert stops soon after the burn does.
 *
 * @param budgetShare share of the whole period's error budget that the long window may spend
 */
public record BurnRateWindow(Duration longWindow, Duration shortWindow, BigDecimal budgetShare) {

  /** Page: 2% of the budget in an hour, or 5% in six hours. */
  public static final List<BurnRateWindow> PAGE = List.of(
      new BurnRateWindow(Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("0.02")),
      new BurnRateWindow(Duration.ofHours(6), Duration.ofMinutes(30), new BigDecimal("0.05")));

  /** Ticket: 10% of the budget in a day, or 10% in three days. */
  public static final List<BurnRateWindow> TICKET = List.of(
      new BurnRateWindow(Duration.ofDays(1), Duration.ofHours(2), new BigDecimal("0.1")),
      new BurnRateWindow(Duration.ofDays(3), Duration.ofHours(6), new BigDecimal("0.1")));

  /** Every window an SLO records, short and long, in increasing order. */
  public static final List<Duration> ALL_WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
      Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  /**
   * How many times faster than sustainable the budget burns when this window alerts: budget share x
   * period / long window; 14.4 for the hour window of a 30-day SLO.
   */
  public BigDecimal factor(Duration period) {
    BigDecimal periods = BigDecimal.valueOf(period.getSeconds()).divide(BigDecimal.valueOf(longWindow.getSeconds()), PRECISION);
    return budgetShare.multiply(periods, PRECISION).stripTrailingZeros();
  }

  /** The error ratio above which this window alerts: factor x error budget. */
  public BigDecimal threshold(Duration period, BigDecimal errorBudget) {
    return factor(period).multiply(errorBudget, PRECISION).stripTrailingZeros();
  }
}
