package dev.sredsl.conventions;

import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The burn-rate conditions of an SLO's alerts: read by the checks that run before generation and by
 * the generators that write the alerts, so that both judge by the same factors.
 *
 * <p>The default table is the SRE Workbook's for 30 days, and it keeps its burn rates for every
 * period from 7 to 365 days: how urgent an incident is depends on how many times faster than the
 * objective allows users are failed, not on the length of the accounting period. A page (14.4 over an
 * hour, 6 over six hours) spends a 30-day budget within two to five days, a weekly one within a day,
 * and no factor is below 1, so a ticket means the budget runs out before the period ends. Scaling
 * the 30-day budget shares by the period instead would ticket below 1x over a week and need 175x to
 * page over a year. The README tabulates what each condition spends for each period.
 */
public final class BurnRates {

  /** Page: 14.4 times the budget over an hour (and five minutes), or 6 times over six hours (and 30m). */
  public static final List<BurnRateWindow> PAGE = List.of(
      BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
      BurnRateWindow.of(Duration.ofHours(6), Duration.ofMinutes(30), 6));

  /** Ticket: 3 times the budget over a day (and two hours), or 1 times over three days (and 6h). */
  public static final List<BurnRateWindow> TICKET = List.of(
      BurnRateWindow.of(Duration.ofDays(1), Duration.ofHours(2), 3),
      BurnRateWindow.of(Duration.ofDays(3), Duration.ofHours(6), 1));

  /**
   * The window every SLO records whatever its conditions: the period's ratio averages it, and the
   * dashboards read it.
   */
  public static final Duration BASE_WINDOW = Duration.ofMinutes(5);

  /** The window of the current burn rate the dashboards show. */
  public static final Duration DISPLAY_WINDOW = Duration.ofHours(1);

  /** The two alert tiers of every SLO. */
  public enum AlertTier {
    /** Pages: the budget burns fast. */
    FAST,
    /** Opens tickets: the budget burns steadily. */
    SLOW
  }

  private BurnRates() {}

  /**
   * The conditions, any of which fires the tier's alert: the SLO's own when it declares them, else
   * the default table.
   */
  public static List<BurnRateWindow> windows(Slo slo, AlertTier tier) {
    List<BurnRateWindow> declared = tier == AlertTier.FAST ? slo.pageWindows() : slo.ticketWindows();
    if (!declared.isEmpty()) {
      return declared;
    }
    return tier == AlertTier.FAST ? PAGE : TICKET;
  }

  /** Whether the tier's alert is generated for the SLO. */
  public static boolean enabled(Slo slo, AlertTier tier) {
    return tier == AlertTier.FAST ? slo.pageAlerts() : slo.ticketAlerts();
  }

  /**
   * Every window whose error ratio the SLO records, in increasing order: the base and display
   * windows and both windows of every condition of its enabled tiers.
   */
  public static List<Duration> recordedWindows(Slo slo) {
    TreeSet<Duration> windows = new TreeSet<>(List.of(BASE_WINDOW, DISPLAY_WINDOW));
    for (AlertTier tier : AlertTier.values()) {
      if (enabled(slo, tier)) {
        for (BurnRateWindow w : windows(slo, tier)) {
          windows.add(w.longWindow());
          windows.add(w.shortWindow());
        }
      }
    }
    return List.copyOf(windows);
  }

  /**
   * The long windows whose bad events the low-traffic guard counts, in increasing order; none when the
   * SLO's source gives a ratio and no events to count.
   */
  public static List<Duration> guardedWindows(Slo slo) {
    TreeSet<Duration> windows = new TreeSet<>();
    if (isRatio(slo)) {
      return List.of();
    }
    for (AlertTier tier : AlertTier.values()) {
      if (enabled(slo, tier)) {
        windows(slo, tier).forEach(w -> windows.add(w.longWindow()));
      }
    }
    return List.copyOf(windows);
  }

  /** Whether the SLO's burn-rate conditions count bad events against low traffic. */
  public static boolean guarded(Slo slo) {
    return slo.minimumBadEvents() > 1 && !isRatio(slo);
  }

  /** Whether the SLO's source gives its error ratio, with no events to count. */
  public static boolean isRatio(Slo slo) {
    return slo.events() != null && slo.events().isRatio();
  }

  /**
   * The smallest burn-rate factor among the tier's conditions: the alert can fire only while factor x
   * error budget stays below 1.
   */
  public static BigDecimal smallestFactor(Slo slo, AlertTier tier) {
    return windows(slo, tier).stream().map(w -> w.factor(slo.period())).min(BigDecimal::compareTo).orElseThrow();
  }
}
