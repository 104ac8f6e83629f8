package dev.sredsl.model;

import java.time.Duration;

/**
 * A service level objective over the service's request metrics, and which burn-rate alerts guard
 * it. Instances are immutable; the factory methods and withers read as the DSL:
 *
 * <pre>{@code
 * Slo.availability(99.9).over(Duration.ofDays(28))
 * Slo.latency(Duration.ofMillis(300)).percent(99.0)
 * }</pre>
 *
 * <p>Nothing is checked when an SLO is built; validation rejects an objective outside (0, 100), a
 * period that is not a whole number of days from 7 to 365, and an objective too low for its burn-rate
 * alerts ever to fire (over 30 days, paging needs more than 83.334%) unless that tier is switched off.
 *
 * @param name identifier unique within the service, lower-case with dashes; the {@code slo} label of
 *     its series and part of its alert names
 * @param kind what counts as a good event
 * @param objectivePercent share of good events promised, strictly between 0 and 100; {@code NaN}
 *     until set for a latency SLO
 * @param period the rolling window the objective applies to, a whole number of days
 * @param latencyThreshold for {@link SloKind#LATENCY}: requests faster than this are good; must
 *     equal a histogram bucket boundary
 * @param description what a breach means to users; {@code null} when not declared
 * @param pageAlerts whether fast-burn alerts page
 * @param ticketAlerts whether slow-burn alerts open tickets
 */
public record Slo(
    String name,
    SloKind kind,
    double objectivePercent,
    Duration period,
    Duration latencyThreshold,
    String description,
    boolean pageAlerts,
    boolean ticketAlerts) {

  /** The default SLO period: 30 days, as in the SRE Workbook. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  /**
   * Requests not failed by the server, out of all, must be at least {@code percent}. The SLO is named
   * {@code availability}, measured over 30 days, and both burn-rate tiers are on.
   *
   * @param percent strictly between 0 and 100, e.g. 99.9
   * @return the SLO
   */
  public static Slo availability(double percent) {
    return new Slo("availability", SloKind.AVAILABILITY, percent, DEFAULT_PERIOD, null, null, true, true);
  }

  /**
   * Requests answered faster than {@code threshold}; give the share with {@link #percent}, which is
   * required. The SLO is named {@code latency}, measured over 30 days, and both burn-rate tiers are on.
   * Good requests are counted from the histogram bucket whose {@code le} is the threshold, so the
   * service's request metrics need buckets and the threshold must be one of their boundaries: with no
   * bucket at that boundary the SLO has no data and its alerts cannot fire. Validation rejects such a
   * threshold when the bounds are known ({@code RequestMetrics.bucketBounds()}).
   *
   * @param threshold a whole number of milliseconds from 1 ms to 10 minutes, e.g.
   *     {@code Duration.ofMillis(300)}
   * @return the SLO, without an objective yet
   */
  public static Slo latency(Duration threshold) {
    return new Slo("latency", SloKind.LATENCY, Double.NaN, DEFAULT_PERIOD, threshold, null, true, true);
  }

  /**
   * The same SLO with another objective.
   *
   * @param percent share of good events promised, strictly between 0 and 100, e.g. 99.0
   * @return a copy with that objective
   */
  public Slo percent(double percent) {
    return new Slo(name, kind, percent, period, latencyThreshold, description, pageAlerts, ticketAlerts);
  }

  /**
   * The same SLO over another rolling period. The burn-rate thresholds scale with the period, e.g.
   * 13.44 rather than 14.4 times the budget for the fast burn over 28 days.
   *
   * @param window a whole number of days from 7 to 365, e.g. {@code Duration.ofDays(28)}
   * @return a copy with that period
   */
  public Slo over(Duration window) {
    return new Slo(name, kind, objectivePercent, window, latencyThreshold, description, pageAlerts, ticketAlerts);
  }

  /**
   * The same SLO with another name; needed when a service has two SLOs of one kind. The name becomes
   * the {@code slo} label and, in CamelCase, part of the alert names, e.g. {@code p99-latency} gives
   * {@code CheckoutP99LatencyErrorBudgetFastBurn} for service {@code checkout}.
   *
   * @param sloName 1 to 63 lower-case letters, digits and dashes, starting with a letter
   * @return a copy with that name
   */
  public Slo named(String sloName) {
    return new Slo(sloName, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts);
  }

  /**
   * The same SLO with a description, shown in the runbook.
   *
   * @param text what a breach means to users; must not be blank
   * @return a copy with that description
   */
  public Slo describedAs(String text) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, text, pageAlerts, ticketAlerts);
  }

  /**
   * Switch the fast-burn (page) tier off, e.g. for a service nobody is paged for: no
   * {@code ErrorBudgetFastBurn} alert is generated.
   *
   * @return a copy without the page tier
   */
  public Slo withoutPaging() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, false, ticketAlerts);
  }

  /**
   * Switch the slow-burn (ticket) tier off: no {@code ErrorBudgetSlowBurn} alert is generated.
   *
   * @return a copy without the ticket tier
   */
  public Slo withoutTickets() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, false);
  }

  /**
   * The error budget as a ratio, e.g. 0.001 for 99.9%.
   *
   * @return {@code (100 - objectivePercent) / 100}; {@code NaN} while a latency SLO has no objective
   */
  public double errorBudget() {
    return (100.0 - objectivePercent) / 100.0;
  }
}
