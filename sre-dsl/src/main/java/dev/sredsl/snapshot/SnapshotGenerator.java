package dev.sredsl.snapshot;

import dev.sredsl.conventions.BurnRates;
import dev.sredsl.coverage.CounterValue;
import dev.sredsl.coverage.Coverage;
import dev.sredsl.coverage.CoverageAnalyzer;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Json;
import dev.sredsl.generate.Numbers;
import dev.sredsl.model.Alert;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Link;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.RiskAcknowledgement;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.promql.PromDuration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code snapshot/<service>.json}. Deterministic like every generated file: fields in a fixed
 * order, lists in declaration order, numbers in their shortest exact form.
 *
 * <p>The coverage counters count a waiver as the definitions state it, whatever the day: a snapshot is
 * a function of the definitions, and whether a waiver has expired is {@code sre:check}'s verdict on the
 * day it runs.
 */
public final class SnapshotGenerator {

  /** A day before any waiver's expiry, so that the counters do not change with the calendar. */
  private static final LocalDate BEFORE_ANY_EXPIRY = LocalDate.of(1970, 1, 1);

  public GeneratedFile generate(Service service, GenerationSettings settings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", SnapshotFormat.NAME);
    root.put("formatVersion", SnapshotFormat.VERSION);
    root.put("service", service.name());
    putIfSet(root, "description", service.description());
    root.put("tier", service.tier() == null ? null : service.tier().name().toLowerCase(Locale.ROOT));
    root.put("owner", owner(service.owner()));
    root.put("slos", service.slos().stream().map(slo -> slo(slo, settings)).toList());
    root.put("alerts", service.alerts().stream().map(SnapshotGenerator::alert).toList());
    List<Object> acknowledgements = new ArrayList<>();
    for (RiskAcknowledgement acknowledgement : service.riskAcknowledgements()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("element", acknowledgement.element());
      node.put("reason", acknowledgement.reason());
      acknowledgements.add(node);
    }
    root.put("riskAcknowledgements", acknowledgements);
    root.put("coverage", coverage(service));
    return GeneratedFile.text(SnapshotFormat.file(service.name()), Json.write(root));
  }

  private static Map<String, Object> owner(Ownership owner) {
    Map<String, Object> node = new LinkedHashMap<>();
    putIfSet(node, "team", owner.team());
    putIfSet(node, "onCall", owner.onCall());
    putIfSet(node, "escalation", owner.escalation());
    putIfSet(node, "chat", owner.chat());
    if (owner.workingHours() != null) {
      node.put("workingHours", owner.workingHours().summary());
    }
    return node;
  }

  private static Map<String, Object> slo(Slo slo, GenerationSettings settings) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("name", slo.name());
    node.put("kind", slo.kind().name().toLowerCase(Locale.ROOT));
    if (slo.latencyThreshold() != null) {
      node.put("latencyThreshold", PromDuration.format(slo.latencyThreshold()));
    }
    if (slo.events() != null) {
      Map<String, Object> events = new LinkedHashMap<>();
      if (slo.events().bad() != null) {
        events.put("bad", slo.events().bad().describe());
      }
      if (slo.events().good() != null) {
        events.put("good", slo.events().good().describe());
      }
      if (slo.events().total() != null) {
        events.put("total", slo.events().total().describe());
      }
      if (slo.events().errorRatio() != null) {
        events.put("errorRatio", slo.events().errorRatio().describe());
      }
      node.put("events", events);
    }
    node.put("objectivePercent", slo.objectivePercent());
    node.put("period", PromDuration.format(slo.period()));
    node.put("errorBudget", PromDuration.format(fullOutage(slo)));
    node.put("windowForm", settings.windowFormOf(slo).name().toLowerCase(Locale.ROOT));
    node.put("minimumBadEvents", BurnRates.guarded(slo) ? slo.minimumBadEvents() : 1);
    node.put("pageAlerts", windows(slo, BurnRates.AlertTier.FAST));
    node.put("ticketAlerts", windows(slo, BurnRates.AlertTier.SLOW));
    node.put("budgetExhaustedTicket", slo.budgetExhaustedTicket());
    return node;
  }

  /**
   * The error budget as time: how long the whole service may be down within the period, e.g. 43m12s
   * for 99.9% over 30 days; rounded to the second.
   */
  static Duration fullOutage(Slo slo) {
    BigDecimal budgetShare = BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(slo.objectivePercent()))
        .movePointLeft(2);
    BigDecimal seconds = BigDecimal.valueOf(slo.period().getSeconds()).multiply(budgetShare)
        .setScale(0, RoundingMode.HALF_UP);
    return Duration.ofSeconds(seconds.longValueExact());
  }

  /** The tier's windows with their burn rates, or an empty list when the tier's alert is off. */
  private static List<Object> windows(Slo slo, BurnRates.AlertTier tier) {
    List<Object> windows = new ArrayList<>();
    if (!BurnRates.enabled(slo, tier)) {
      return windows;
    }
    for (BurnRateWindow window : BurnRates.windows(slo, tier)) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("longWindow", PromDuration.format(window.longWindow()));
      node.put("shortWindow", PromDuration.format(window.shortWindow()));
      node.put("burnRate", Numbers.readable(window.factor(slo.period())));
      windows.add(node);
    }
    return windows;
  }

  private static Map<String, Object> alert(Alert alert) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("name", alert.name());
    node.put("severity", alert.severity().label());
    node.put("condition", ConditionText.of(alert.condition()));
    if (alert.forDuration() != null) {
      node.put("for", PromDuration.format(alert.forDuration()));
    }
    if (alert.keepFiringFor() != null) {
      node.put("keepFiringFor", PromDuration.format(alert.keepFiringFor()));
    }
    if (alert.runbook() != null) {
      node.put("runbook", runbook(alert.runbook()));
    }
    return node;
  }

  private static Map<String, Object> runbook(Runbook runbook) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("symptoms", runbook.symptoms());
    node.put("diagnosis", runbook.diagnosis());
    List<Object> mitigations = new ArrayList<>();
    for (Step step : runbook.mitigations()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", step.action());
      if (step.isRisky()) {
        m.put("risk", step.risk());
      }
      mitigations.add(m);
    }
    node.put("mitigations", mitigations);
    node.put("escalation", runbook.escalation());
    List<Object> links = new ArrayList<>();
    for (Link link : runbook.links()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("title", link.title());
      l.put("url", link.url());
      links.add(l);
    }
    node.put("links", links);
    return node;
  }

  private static Map<String, Object> coverage(Service service) {
    Coverage coverage = new CoverageAnalyzer(BEFORE_ANY_EXPIRY).analyze(List.of(service));
    Map<String, Object> node = new LinkedHashMap<>();
    for (CoverageCounter counter : CoverageCounter.values()) {
      CounterValue value = coverage.value(service.name(), counter);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("covered", value.covered());
      v.put("missed", value.missed());
      v.put("waived", value.waived());
      node.put(counter.name(), v);
    }
    return node;
  }

  private static void putIfSet(Map<String, Object> node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
