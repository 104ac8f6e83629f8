package dev.sredsl.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * One condition of a multi-window, multi-burn-rate alert (SRE Workbook, "Alerting on SLOs"): the
 * error ratio over the long window shows that the budget burns faster than {@code factor} times the
 * sustainable pace, and the same over the short window shows that it still does, so the alert clears
 * soon after the burn stops.
 *
 * <p>The pace is given either as a burn rate ({@link #of}) or, as Sloth's {@code AlertWindows} do, as
 * the share of the whole period's budget that the long window may spend ({@link #spending}); the two
 * meet in {@link #factor}: burn rate = budget share x period / long window.
 *
 * @param longWindow the window that must show the burn, e.g. one hour
 * @param shortWindow the window that must show it still going on, shorter than the long one; the
 *     Workbook takes a twelfth
 * @param burnRate how many times faster than sustainable, or {@code null} when given as a share;
 *     validation requires a positive finite number
 * @param budgetPercent percent of the period's budget the long window may spend, or {@code null}
 *     when given as a burn rate; validation requires more than 0 and at most 100
 */
public record BurnRateWindow(Duration longWindow, Duration shortWindow, Double burnRate, Double budgetPercent) {

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  /**
   * A condition given as a burn rate, the same whatever the SLO's period.
   *
   * <pre>{@code BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4)}</pre>
   *
   * @param longWindow e.g. one hour
   * @param shortWindow e.g. five minutes
   * @param burnRate e.g. 14.4: the alert fires above 14.4 x the error budget
   * @return the condition
   */
  public static BurnRateWindow of(Duration longWindow, Duration shortWindow, double burnRate) {
    return new BurnRateWindow(longWindow, shortWindow, burnRate, null);
  }

  /**
   * A condition given as the share of the period's budget that the long window may spend, the way
   * Sloth's {@code AlertWindows} declare it ({@code errorBudgetPercent}).
   *
   * <pre>{@code BurnRateWindow.spending(2, Duration.ofHours(1), Duration.ofMinutes(5))}</pre>
   *
   * @param budgetPercent e.g. 2 for 2% of the budget within the long window
   * @param longWindow e.g. one hour
   * @param shortWindow e.g. five minutes
   * @return the condition
   */
  public static BurnRateWindow spending(double budgetPercent, Duration longWindow, Duration shortWindow) {
    return new BurnRateWindow(longWindow, shortWindow, null, budgetPercent);
  }

  /**
   * How many times faster than sustainable the budget burns when this condition holds over an SLO of
   * {@code period}: the burn rate as given, or budget share x period / long window.
   *
   * @param period the SLO's period
   * @return the factor, e.g. 14.4
   */
  public BigDecimal factor(Duration period) {
    if (burnRate != null) {
      return decimal(burnRate);
    }
    // Multiplied before dividing, so that shares that give a round factor (42% of 7d over 3d: 0.98) stay exact.
    return decimal(budgetPercent).multiply(BigDecimal.valueOf(period.getSeconds()))
        .divide(BigDecimal.valueOf(longWindow.getSeconds()).movePointRight(2), PRECISION).stripTrailingZeros();
  }

  /**
   * Percent of the period's budget spent over the long window when the error ratio sits exactly at
   * the threshold: factor x long window / period.
   *
   * @param period the SLO's period
   * @return e.g. 2 for the hour window at 14.4 over 30 days
   */
  public BigDecimal budgetSpentPercent(Duration period) {
    if (budgetPercent != null) {
      return decimal(budgetPercent);
    }
    return decimal(burnRate).multiply(BigDecimal.valueOf(longWindow.getSeconds()), PRECISION)
        .divide(BigDecimal.valueOf(period.getSeconds()), PRECISION).movePointRight(2).stripTrailingZeros();
  }

  /**
   * The error ratio above which this condition holds: factor x error budget.
   *
   * @param period the SLO's period
   * @param errorBudget the budget as a ratio, e.g. 0.001
   * @return e.g. 0.0144
   */
  public BigDecimal threshold(Duration period, BigDecimal errorBudget) {
    return factor(period).multiply(errorBudget, PRECISION).stripTrailingZeros();
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros();
  }
}
