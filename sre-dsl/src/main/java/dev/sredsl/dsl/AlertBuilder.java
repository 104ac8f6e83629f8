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

/** Declares an alert: its condition, how long it must hold, who it interrupts and its runbook. */
public final class AlertBuilder {

  private final String name;
  private final Scope scope;
  private Condition condition;
  private Duration forDuration;
  private Severity severity;
  private String summary;
  private String description;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private Runbook runbook;
  private final List<Waiver> waivers = new ArrayList<>();

  AlertBuilder(String name, Scope scope) {
    this.name = name;
    this.scope = scope;
  }

  /** When the alert is active, e.g. {@code errorRatio().over("5m").above(0.05)}; see {@link Conditions}. */
  public AlertBuilder when(Condition activeWhen) {
    this.condition = activeWhen;
    return this;
  }

  /** How long the condition must hold before the alert fires (Prometheus {@code for}). */
  public AlertBuilder lasting(Duration duration) {
    this.forDuration = duration;
    return this;
  }

  /** {@link #lasting(Duration)} from a Prometheus duration such as {@code 5m}. */
  public AlertBuilder lasting(String duration) {
    return lasting(PromDuration.parse(duration));
  }

  public AlertBuilder severity(Severity alertSeverity) {
    this.severity = alertSeverity;
    return this;
  }

  /** One line for the notification: what is wrong, from the user's side. */
  public AlertBuilder summary(String text) {
    this.summary = text;
    return this;
  }

  /** More detail for the notification; may use Prometheus template variables such as {@code $value}. */
  public AlertBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** An extra label for routing or grouping; {@code severity}, {@code service} and {@code team} are set for you. */
  public AlertBuilder label(String labelName, String value) {
    if (labelName == null) {
      scope.report("a label name is null; give the label a name");
    } else {
      labels.put(labelName, value == null ? "" : value);
    }
    return this;
  }

  public AlertBuilder runbook(Consumer<RunbookBuilder> spec) {
    RunbookBuilder builder = new RunbookBuilder(scope.nested("runbook"));
    scope.nested("runbook").run(builder, spec);
    this.runbook = builder.build();
    return this;
  }

  /** Counts this alert as covered for {@code counter} until {@code expires}; see the coverage gate. */
  public AlertBuilder waive(CoverageCounter counter, String reason, LocalDate expires) {
    waivers.add(new Waiver(counter, reason, expires));
    return this;
  }

  Alert build() {
    return new Alert(name, condition, forDuration, severity, summary, description, labels, runbook, waivers);
  }
}
