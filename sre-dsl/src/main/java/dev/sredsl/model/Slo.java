package dev.sredsl.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
 * @param pageWindows the fast-burn conditions, any of which pages; empty for the default table of
 *     {@code dev.sredsl.conventions.BurnRates}
 * @param ticketWindows the slow-burn conditions, any of which opens a ticket; empty for the default
 * @param minimumBadEvents how many bad events the long window of a burn-rate condition must hold
 *     before it alerts, so that one failed request in a quiet hour does not page
 * @param budgetExhaustedTicket whether a ticket opens when the period's whole error budget is spent
 * @param windowForm how the ratios of the windows longer than five minutes are computed; {@code null}
 *     for the build's choice ({@link SloWindowForm#RECORDED} unless configured)
 * @param events for {@link SloKind#EVENTS}: how its bad (or good) and all events are counted;
 *     {@code null} for the request SLOs
 * @param alerting the burn-rate alerts' names, labels and annotations beyond the build's own;
 *     {@link SloAlerting#CONVENTIONAL} unless set
 */
public record Slo(
    String name,
    SloKind kind,
    double objectivePercent,
    Duration period,
    Duration latencyThreshold,
    String description,
    boolean pageAlerts,
    boolean ticketAlerts,
    List<BurnRateWindow> pageWindows,
    List<BurnRateWindow> ticketWindows,
    int minimumBadEvents,
    boolean budgetExhaustedTicket,
    SloWindowForm windowForm,
    EventSli events,
    SloAlerting alerting) {

  /**
   * Bad events a burn-rate condition needs in its long window by default. Below a few hundred events
   * an hour a single failure is already a burn rate of 14.4 for a 99.9% objective; five failures in
   * the hour are what a real outage of even a quiet service produces within minutes, and what a
   * healthy one almost never does (the README shows the arithmetic).
   */
  public static final int DEFAULT_MINIMUM_BAD_EVENTS = 5;

  public Slo {
    // Copies that keep a null element, which validation reports with its position.
    pageWindows = Collections.unmodifiableList(new ArrayList<>(pageWindows));
    ticketWindows = Collections.unmodifiableList(new ArrayList<>(ticketWindows));
  }

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
    return new Slo("availability", SloKind.AVAILABILITY, percent, DEFAULT_PERIOD, null, null, true, true,
        List.of(), List.of(), DEFAULT_MINIMUM_BAD_EVENTS, false, null, null, SloAlerting.CONVENTIONAL);
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
    return new Slo("latency", SloKind.LATENCY, Double.NaN, DEFAULT_PERIOD, threshold, null, true, true,
        List.of(), List.of(), DEFAULT_MINIMUM_BAD_EVENTS, false, null, null, SloAlerting.CONVENTIONAL);
  }

  /**
   * An SLO on events the team counts, not the service's HTTP requests: a Kafka consumer's records, a
   * batch job's runs, a gRPC server's calls. Give the events with {@link #bad} or {@link #good}, all
   * events with {@link #total}, and the objective with {@link #percent}; all are required.
   *
   * <pre>{@code
   * Slo.events("job-success")
   *     .bad(EventCount.counter("jobs_total").where("result", "failed"))
   *     .total(EventCount.counter("jobs_total"))
   *     .percent(99.5)
   * }</pre>
   *
   * Measured over 30 days, both burn-rate tiers on, like the request SLOs.
   *
   * @param sloName 1 to 63 lower-case letters, digits and dashes, starting with a letter
   * @return the SLO, without events or objective yet
   */
  public static Slo events(String sloName) {
    return new Slo(sloName, SloKind.EVENTS, Double.NaN, DEFAULT_PERIOD, null, null, true, true, List.of(), List.of(),
        DEFAULT_MINIMUM_BAD_EVENTS, false, null, EventSli.NONE, SloAlerting.CONVENTIONAL);
  }

  /**
   * The events that spend the error budget, for {@link #events} SLOs.
   *
   * @param count e.g. {@code EventCount.counter("jobs_total").where("result", "failed")}
   * @return a copy counting those as bad
   */
  public Slo bad(EventCount count) {
    return withEvents(eventsOrNone().withBad(count));
  }

  /**
   * The events that keep the promise, for {@link #events} SLOs whose counters count success; the bad
   * events are all events less these.
   *
   * @param count e.g. {@code EventCount.counter("jobs_total").where("result", "ok")}
   * @return a copy counting those as good
   */
  public Slo good(EventCount count) {
    return withEvents(eventsOrNone().withGood(count));
  }

  /**
   * All events, for {@link #events} SLOs.
   *
   * @param count e.g. {@code EventCount.counter("jobs_total")}
   * @return a copy counting those as all events
   */
  public Slo total(EventCount count) {
    return withEvents(eventsOrNone().withTotal(count));
  }

  private EventSli eventsOrNone() {
    return events == null ? EventSli.NONE : events;
  }

  private Slo withEvents(EventSli sli) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, sli, alerting);
  }

  /**
   * The same SLO with another objective.
   *
   * @param percent share of good events promised, strictly between 0 and 100, e.g. 99.0
   * @return a copy with that objective
   */
  public Slo percent(double percent) {
    return new Slo(name, kind, percent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * The same SLO over another rolling period. The default burn-rate conditions keep their burn rates
   * whatever the period (the README's table shows what they mean in budget for each period).
   *
   * @param window a whole number of days from 7 to 365, e.g. {@code Duration.ofDays(28)}
   * @return a copy with that period
   */
  public Slo over(Duration window) {
    return new Slo(name, kind, objectivePercent, window, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
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
    return new Slo(sloName, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * The same SLO with a description, shown in the runbook.
   *
   * @param text what a breach means to users; must not be blank
   * @return a copy with that description
   */
  public Slo describedAs(String text) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, text, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * Switch the fast-burn (page) tier off, e.g. for a service nobody is paged for: no
   * {@code ErrorBudgetFastBurn} alert is generated.
   *
   * @return a copy without the page tier
   */
  public Slo withoutPaging() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, false, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * Switch the slow-burn (ticket) tier off: no {@code ErrorBudgetSlowBurn} alert is generated.
   *
   * @return a copy without the ticket tier
   */
  public Slo withoutTickets() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, false,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * The same SLO paging on these conditions instead of the default table: any of them pages.
   *
   * <pre>{@code
   * .pageWhen(BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
   *           BurnRateWindow.of(Duration.ofHours(6), Duration.ofMinutes(30), 6))
   * }</pre>
   *
   * @param windows one or more conditions; each long window at most the period, each short window
   *     shorter than its long one
   * @return a copy with those page conditions
   */
  public Slo pageWhen(BurnRateWindow... windows) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        listOf(windows), ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * The same SLO opening tickets on these conditions instead of the default table: any of them opens
   * a ticket. A factor below 1 tickets on a burn that would not spend the budget within the period.
   *
   * @param windows one or more conditions
   * @return a copy with those ticket conditions
   */
  public Slo ticketWhen(BurnRateWindow... windows) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, listOf(windows), minimumBadEvents, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * The same SLO with another low-traffic guard: a burn-rate condition alerts only when its long
   * window holds at least {@code events} bad events (failed or slow requests). 1 switches the guard
   * off.
   *
   * @param count from 1 to 1000; default {@value #DEFAULT_MINIMUM_BAD_EVENTS}
   * @return a copy with that guard
   */
  public Slo minimumBadEvents(int count) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, count, budgetExhaustedTicket, windowForm, events, alerting);
  }

  /**
   * The same SLO with one more alert: a ticket ({@code <Service><Slo>ErrorBudgetExhausted}) while the
   * error ratio over the whole period has spent the budget, for teams whose error-budget policy
   * freezes releases then.
   *
   * @return a copy that opens a ticket when the budget is gone
   */
  public Slo ticketWhenBudgetExhausted() {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, true, windowForm, events, alerting);
  }

  /**
   * Computes this SLO's windows from the raw series on every evaluation, whatever the build's default:
   * for an SLO whose service has few series, or to compare the two forms. Costs as many samples per
   * evaluation as the service's series hold over the longest window.
   *
   * @return the SLO with raw windows; this instance is unchanged
   */
  public Slo windowsFromRawSeries() {
    return withWindowForm(SloWindowForm.RAW);
  }

  /**
   * Computes this SLO's windows from its recorded 5-minute rates, whatever the build's default.
   *
   * @return the SLO with recorded windows; this instance is unchanged
   */
  public Slo windowsFromRecordings() {
    return withWindowForm(SloWindowForm.RECORDED);
  }

  /**
   * The same SLO with its burn-rate alerts named, labelled or annotated as the team chooses, e.g. to
   * keep the names, labels and annotations of rules that page today.
   *
   * @param settings e.g. {@code SloAlerting.named("MyServiceHighErrorRate", "MyServiceHighErrorRateTicket")}
   * @return a copy with those settings
   */
  public Slo alerting(SloAlerting settings) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, windowForm, events, settings);
  }

  /**
   * For {@link #events} SLOs whose source already gives the error ratio, not countable events: PromQL
   * with {@value EventCount#WINDOW} that gives the share of bad events over that window, as Sloth's
   * {@code raw} SLI and OpenSLO's {@code ratioMetric.raw} do. Every window is read raw with the query
   * (no recorded form), the period's ratio is the average of the 5-minute ratios, and the low-traffic
   * guard does not apply, as there are no events to count.
   *
   * @param query e.g. {@code EventCount.query("1 - avg(avg_over_time(satisfaction_ratio[${window}]))")}
   * @return a copy measuring its errors with that query
   */
  public Slo errorRatio(EventCount.Query query) {
    return withEvents(eventsOrNone().withErrorRatio(query));
  }

  private Slo withWindowForm(SloWindowForm form) {
    return new Slo(name, kind, objectivePercent, period, latencyThreshold, description, pageAlerts, ticketAlerts,
        pageWindows, ticketWindows, minimumBadEvents, budgetExhaustedTicket, form, events, alerting);
  }

  private static List<BurnRateWindow> listOf(BurnRateWindow[] windows) {
    return windows == null ? List.of() : Arrays.asList(windows);
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
