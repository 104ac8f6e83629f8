package dev.sredsl.coverage;

import dev.sredsl.conventions.MissingData;
import dev.sredsl.model.Alert;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Dependency;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Tier;
import dev.sredsl.model.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts what the definitions cover, per service and counter, as the design guide defines the
 * counters; applies waivers that have not expired, and reports the expired ones.
 */
public final class CoverageAnalyzer {

  private final LocalDate today;

  /** @param today the day waivers are judged on: a waiver holds through its expiry date */
  public CoverageAnalyzer(LocalDate today) {
    this.today = today;
  }

  public Coverage analyze(List<Service> services) {
    List<CoverageItem> items = new ArrayList<>();
    // A set, in the order found: one message per expired waiver however many items it covers.
    java.util.Set<String> expired = new java.util.LinkedHashSet<>();
    // Sorted by name, so that reports and messages do not depend on the order of declaration.
    List<Service> sorted = services.stream().sorted(java.util.Comparator.comparing(Service::name)).toList();
    for (Service service : sorted) {
      for (Alert alert : service.alerts()) {
        items.add(waive(service, alert, new CoverageItem(CoverageCounter.RUNBOOK, service.name(), alert.name(),
            runbookMissing(alert), null), expired));
        items.add(waive(service, alert, new CoverageItem(CoverageCounter.ALERT_HYGIENE, service.name(), alert.name(),
            hygieneMissing(alert), null), expired));
      }
      for (SignalKind kind : SignalKind.values()) {
        items.add(waive(service, null, new CoverageItem(CoverageCounter.SIGNALS, service.name(), kind.label(),
            hasSignal(service, kind) ? "" : "not on the dashboard", null), expired));
      }
      for (Dependency dependency : service.dependencies()) {
        items.add(waive(service, null, new CoverageItem(CoverageCounter.DEPENDENCIES, service.name(), dependency.name(),
            dependency.health() == null ? "no health signal" : "", null), expired));
      }
      if (service.tier() == Tier.CRITICAL) {
        items.add(waive(service, null, new CoverageItem(CoverageCounter.SLO, service.name(), "slo",
            service.slos().isEmpty() ? "critical service without an SLO" : "", null), expired));
      }
      items.add(waive(service, null, new CoverageItem(CoverageCounter.OWNERSHIP, service.name(), "owner",
          ownershipMissing(service), null), expired));
      for (MissingData.PagingAlert paging : MissingData.pagingAlerts(service)) {
        items.add(missingData(service, paging, expired));
      }
    }
    return new Coverage(items, new ArrayList<>(expired));
  }

  /**
   * Whether the inputs of a paging alert are watched. Switching the missing-data alerts off with a
   * reason counts like a waiver that does not expire: the report shows the reason.
   */
  private CoverageItem missingData(Service service, MissingData.PagingAlert paging, java.util.Set<String> expired) {
    if (!MissingData.enabled(service)) {
      return new CoverageItem(CoverageCounter.MISSING_DATA, service.name(), paging.name(),
          "missing-data alerts switched off", service.missingDataAlertsOff());
    }
    String missing = paging.covered() ? "" : "inputs no missing-data alert can watch: " + String.join("; ",
        paging.unwatched());
    Alert alert = service.alerts().stream().filter(a -> a.name().equals(paging.name())).findFirst().orElse(null);
    return waive(service, alert, new CoverageItem(CoverageCounter.MISSING_DATA, service.name(), paging.name(), missing,
        null), expired);
  }

  /** The item waived by a waiver of its alert or service that has not expired; expired ones reported once. */
  private CoverageItem waive(Service service, Alert alert, CoverageItem item, java.util.Set<String> expired) {
    List<Waiver> candidates = new ArrayList<>(alert == null ? List.of() : alert.waivers());
    candidates.addAll(service.waivers());
    Optional<Waiver> waiver = candidates.stream().filter(w -> w.counter() == item.counter()).findFirst();
    if (waiver.isEmpty()) {
      return item;
    }
    if (waiver.get().isExpiredOn(today)) {
      String owner = alert != null && alert.waivers().contains(waiver.get()) ? "alert " + alert.name() : "the service";
      String message = "service " + service.name() + ": the " + Counters.words(item.counter()) + " waiver of " + owner
          + " expired on " + waiver.get().expires() + " (" + waiver.get().reason() + "); cover the items or renew"
          + " the waiver with a new date";
      expired.add(message);
      return item;
    }
    return new CoverageItem(item.counter(), item.service(), item.name(), item.missing(), waiver.get().reason());
  }

  private static String runbookMissing(Alert alert) {
    Runbook runbook = alert.runbook();
    if (runbook == null) {
      return "no runbook";
    }
    if (alert.severity() != Severity.PAGE || runbook.isComplete()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (runbook.symptoms().isEmpty()) {
      parts.add("symptoms");
    }
    if (runbook.diagnosis().isEmpty()) {
      parts.add("diagnosis");
    }
    if (runbook.mitigations().isEmpty()) {
      parts.add("a mitigation");
    }
    if (runbook.escalation().isEmpty()) {
      parts.add("escalation");
    }
    return "the paging alert's runbook lacks " + String.join(", ", parts);
  }

  private static String hygieneMissing(Alert alert) {
    List<String> parts = new ArrayList<>();
    if (alert.severity() == null) {
      parts.add("severity");
    }
    if (alert.summary() == null) {
      parts.add("summary");
    }
    if (alert.forDuration() == null) {
      parts.add("'for' duration");
    }
    return parts.isEmpty() ? "" : "no " + String.join(", no ", parts);
  }

  private static boolean hasSignal(Service service, SignalKind kind) {
    boolean fromRequests = service.requests() != null
        && (kind == SignalKind.TRAFFIC || kind == SignalKind.ERRORS
            || (kind == SignalKind.LATENCY && service.requests().hasHistogram()));
    return fromRequests || service.signals().stream().anyMatch(s -> s.kind() == kind);
  }

  private static String ownershipMissing(Service service) {
    Ownership owner = service.owner();
    List<String> parts = new ArrayList<>();
    if (service.tier() == null) {
      parts.add("tier"); // only a service YAML specs alone declare has none
    }
    if (owner.team() == null) {
      parts.add("team");
    }
    if (owner.onCall() == null) {
      parts.add("on-call rotation");
    }
    if (owner.escalation() == null) {
      parts.add("escalation");
    }
    return parts.isEmpty() ? "" : "no " + String.join(", no ", parts);
  }
}
