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
 * @param name identifier unique within the service, lower-case with dashes
 * @param kind what counts as a good event
 * @param objectivePercent share of good events promised, strictly between 0 and 100; {@code NaN}
 *     until set for a latency SLO
 * @param period the rolling window the objective applies to, a whole number of days
 * @param latencyThreshold for {@link SloKind#LATENCY}: requests faster than this are good; must
 *     equal a histogram bucket boundary
 * @param description what a breach means to users
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

  /** Requests not failed by the server, out of all, must be at least {@code percent}. */
  public static Slo availability(double percent) {
    return new Slo("availability", SloKind.AVAILABILITY, percent, DEFAULT_PERIOD, null, null, true, true);
  }

  /** Requests answered faster than {@code threshold}; give the share with {@link #percent}. */
  public static Slo latency(Duration threshold) {
    return new Slo("latency", SloKind.LATENCY, Double.NaN, DEFAULT_PERIOD, threshold, null, true, true);
  }

  public Slo percent(double percent) {
    return new Slo(name, kind, percent, period, latencyThreshold, description, pageAlerts, ticketAlerts);
  }

  public Slo over(Duration window) {
    return new Slo(name, kind, objectivePercent, window, latencyThreshold, description, pageAlerts, ticketAlerts);
  }

  public Slo named(String sloName) {
    return new Slo(sloName, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts);
  }

  public Slo describedAs(String text) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, text, pageAlerts, ticketAlerts);
  }

  /** Switch the fast-burn (page) tier off, e.g. for a service nobody is paged for. */
  public Slo withoutPaging() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, false, ticketAlerts);
  }

  /** Switch the slow-burn (ticket) tier off. */
  public Slo withoutTickets() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, false);
  }

  /** The error budget as a ratio, e.g. 0.001 for 99.9%. */
  public double errorBudget() {
    return (100.0 - objectivePercent) / 100.0;
  }
}
