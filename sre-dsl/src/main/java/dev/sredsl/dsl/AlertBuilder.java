package dev.sredsl.dsl;

import dev.sredsl.model.Alert;
import dev.sredsl.model.Condition;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Waiver;
import dev.sredsl.promql.PromDuration;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Declares an alert: its condition, how long it must hold, who it interrupts and its runbook. An
 * instance is handed to the lambda of {@code ServiceBuilder.alert(name, spec)}; it becomes one alerting
 * rule in the group {@code <service>-alerts} of the generated rules, with the labels {@code severity},
 * {@code service} and {@code team} set from the definition, and a section of the service's runbook.
 *
 * <pre>{@code
 * .alert("CheckoutHighErrorRate", a -> a
 *     .when(errorRatio().over("5m").above(0.05))
 *     .lasting("5m")
 *     .severity(Severity.PAGE)
 *     .summary("Checkout fails more than 5% of requests.")
 *     .runbook(r -> r.symptoms("Customers see HTTP 500 at payment confirmation.")))
 * }</pre>
 *
 * <p>Methods accept what they are given; the build validates the alert afterwards and reports every
 * problem with the service and alert name: a missing condition or severity, a {@code for} or
 * {@code keep_firing_for} that is not between 1 second and 1 day, an invalid or reserved label. Calling a setter twice keeps the last value.
 */
public final class AlertBuilder {

  private final String name;
  private final Scope scope;
  private Condition condition;
  private Duration forDuration;
  private Duration keepFiringFor;
  private Severity severity;
  private String summary;
  private String description;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private Runbook runbook;
  private final List<Waiver> waivers = new ArrayList<>();
  private String riskAcknowledged;

  AlertBuilder(String name, Scope scope) {
    this.name = name;
    this.scope = scope;
  }

  /**
   * When the alert is active, e.g. {@code errorRatio().over("5m").above(0.05)}; see {@link Conditions}.
   * Required: an alert without a condition fails validation.
   *
   * @param activeWhen a condition from {@link Conditions}
   * @return this builder
   */
  public AlertBuilder when(Condition activeWhen) {
    this.condition = activeWhen;
    return this;
  }

  /**
   * How long the condition must hold before the alert fires (the rule's {@code for}); until then the
   * alert is pending. Without it the alert fires at the first evaluation that finds the condition
   * true, and the coverage gate's {@code ALERT_HYGIENE} counter counts the alert as missed.
   *
   * @param duration a whole number of seconds, at least 1 second and at most 1 day; validation
   *     rejects anything else (a condition that must hold longer belongs in an SLO)
   * @return this builder
   */
  public AlertBuilder lasting(Duration duration) {
    this.forDuration = duration;
    return this;
  }

  /**
   * {@link #lasting(Duration)} from a Prometheus duration literal such as {@code 5m} or {@code 1h30m}.
   *
   * @param duration a Prometheus duration: numbers with the units {@code ms}, {@code s}, {@code m},
   *     {@code h}, {@code d}, {@code w}, {@code y}, largest first
   * @return this builder
   * @throws IllegalArgumentException if {@code duration} is not a positive Prometheus duration; inside
   *     the alert's lambda the DSL reports it as a problem of the alert and goes on
   */
  public AlertBuilder lasting(String duration) {
    return lasting(PromDuration.parse(duration));
  }

  /**
   * How long the alert keeps firing after its condition stops holding (the rule's
   * {@code keep_firing_for}, understood by Prometheus 2.42 and later). A signal that flaps around its
   * threshold then raises one alert that stays open through the dips, instead of a resolved
   * notification and a new page at every crossing; the alert resolves once the condition has stayed
   * false for this long. Without it the alert resolves at the first evaluation that finds the condition
   * false.
   *
   * <pre>{@code
   * .alert("CheckoutOrdersPoolExhausted", a -> a
   *     .when(signal("hikari-orders").above(0.9))
   *     .lasting("5m")
   *     .keepFiringFor("10m")
   *     .severity(Severity.PAGE))
   * }</pre>
   *
   * @param duration a whole number of seconds, at least 1 second and at most 1 day; validation
   *     rejects anything else
   * @return this builder
   */
  public AlertBuilder keepFiringFor(Duration duration) {
    this.keepFiringFor = duration;
    return this;
  }

  /**
   * {@link #keepFiringFor(Duration)} from a Prometheus duration literal such as {@code 10m}.
   *
   * @param duration a Prometheus duration: numbers with the units {@code ms}, {@code s}, {@code m},
   *     {@code h}, {@code d}, {@code w}, {@code y}, largest first
   * @return this builder
   * @throws IllegalArgumentException if {@code duration} is not a positive Prometheus duration; inside
   *     the alert's lambda the DSL reports it as a problem of the alert and goes on
   */
  public AlertBuilder keepFiringFor(String duration) {
    return keepFiringFor(PromDuration.parse(duration));
  }

  /**
   * Who the alert interrupts, which sets its {@code severity} label and hence its Alertmanager route:
   * {@code PAGE} becomes {@code critical}, {@code TICKET} {@code warning}, {@code INFO} {@code info}.
   * Required: an alert without a severity fails validation.
   *
   * @param alertSeverity the severity
   * @return this builder
   */
  public AlertBuilder severity(Severity alertSeverity) {
    this.severity = alertSeverity;
    return this;
  }

  /**
   * One line for the notification, written to the rule's {@code summary} annotation: what is wrong, from
   * the user's side. Optional, but an alert without one counts as missed by {@code ALERT_HYGIENE}.
   *
   * @param text the summary; when given it must not be blank
   * @return this builder
   */
  public AlertBuilder summary(String text) {
    this.summary = text;
    return this;
  }

  /**
   * More detail for the notification, written to the rule's {@code description} annotation; may use
   * Prometheus template variables such as {@code {{ $value }}} or {@code {{ $labels.uri }}}.
   *
   * @param text the description; optional, but when given it must not be blank
   * @return this builder
   */
  public AlertBuilder description(String text) {
    this.description = text;
    return this;
  }

  /**
   * An extra label on the alert, for routing or grouping. {@code alertname}, {@code severity},
   * {@code service} and {@code team} are set from the definition and rejected here. A second call with
   * the same name replaces the value.
   *
   * @param labelName a Prometheus label name (letters, digits and underscores, not starting with a
   *     digit or {@code __}); {@code null} is reported as a problem of the alert
   * @param value the value; must not be blank ({@code null} is reported as a missing value)
   * @return this builder
   */
  public AlertBuilder label(String labelName, String value) {
    if (labelName == null) {
      scope.report("a label name is null; give the label a name");
    } else {
      labels.put(labelName, value == null ? "" : value);
    }
    return this;
  }

  /**
   * The runbook behind the alert: symptoms, diagnosis, mitigation steps, escalation and links. It
   * becomes the alert's section in {@code runbooks/<service>.md}, where the rule's {@code runbook_url}
   * points when a runbook base URL is configured. The coverage gate's {@code RUNBOOK} counter wants one
   * for every alert, and a complete one (symptoms, diagnosis, a mitigation and escalation) for a
   * {@code PAGE} alert. A second call replaces the first runbook.
   *
   * <pre>{@code
   * .runbook(r -> r
   *     .symptoms("Customers see HTTP 500 at payment confirmation.")
   *     .diagnose("Split the errors by uri and exception on the dashboard.")
   *     .mitigate(Step.safe("Roll back the last deployment if it started the errors."))
   *     .escalate("Page payments-secondary after 15 minutes without mitigation."))
   * }</pre>
   *
   * @param spec declares the runbook; {@code null} is reported as a problem of the alert
   * @return this builder
   */
  public AlertBuilder runbook(Consumer<RunbookBuilder> spec) {
    RunbookBuilder builder = new RunbookBuilder(scope.nested("runbook"));
    scope.nested("runbook").run(builder, spec);
    this.runbook = builder.build();
    return this;
  }

  /**
   * Counts this alert as covered for {@code counter} through {@code expires}, e.g. a runbook still
   * being written. The coverage reports list the alert as waived; once the date has passed the waiver
   * is a violation of its own. Only {@code RUNBOOK} and {@code ALERT_HYGIENE} count alerts.
   *
   * @param counter the coverage counter waived; required
   * @param reason why, for the reviewer; required, not blank
   * @param expires the last day the waiver holds, inclusive; required
   * @return this builder
   */
  public AlertBuilder waive(CoverageCounter counter, String reason, LocalDate expires) {
    waivers.add(new Waiver(counter, reason, expires));
    return this;
  }

  /**
   * Acknowledges that this change of the alert reduces protection (a threshold loosened, a longer
   * {@code for}, a lower severity, a receiver lost, a runbook's escalation removed), so that
   * {@code sre:diff}'s risk rules do not fail the build on it; the plan lists the risk with this reason.
   * Remove it once the change is merged.
   *
   * @param reason why the change is safe, for the reviewer; required, not blank
   * @return this builder
   */
  public AlertBuilder acknowledgeRisk(String reason) {
    // A null reason is kept as blank so that validation names it.
    this.riskAcknowledged = reason == null ? "" : reason;
    return this;
  }

  String riskAcknowledged() {
    return riskAcknowledged;
  }

  Alert build() {
    return new Alert(name, condition, forDuration, keepFiringFor, severity, summary, description, labels, runbook, waivers);
  }
}
