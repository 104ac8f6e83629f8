package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares a baseline's output with the current one, service by service, and makes the {@link Plan}:
 * the comparisons of each area, then the risks with the acknowledgements the current definitions give.
 */
public final class MonitoringDiff {

  private final String setting;

  /** @param setting the setting that named the baseline, for messages (e.g. {@code sre.diffBaseline}) */
  public MonitoringDiff(String setting) {
    this.setting = setting;
  }

  public Plan compare(OutputTree baseline, OutputTree current) {
    Routing beforeRouting = AlertmanagerRouting.of(baseline, setting);
    Routing afterRouting = AlertmanagerRouting.of(current, setting);
    Backtests beforeBacktests = Backtests.of(baseline);
    Backtests afterBacktests = Backtests.of(current);
    TreeSet<String> names = new TreeSet<>(baseline.services());
    names.addAll(current.services());
    List<RiskFinding> risks = new ArrayList<>();
    List<Plan.ServiceChanges> services = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    for (String name : names) {
      ServiceOutput before = ServiceOutput.of(baseline, name, setting).orElse(null);
      ServiceOutput after = ServiceOutput.of(current, name, setting).orElse(null);
      Findings findings = new Findings();
      new OwnershipChanges().compare(before, after, findings);
      new SloChanges().compare(before, after, findings);
      new AlertChanges(beforeRouting, afterRouting, beforeBacktests, afterBacktests).compare(before, after,
          findings);
      new RunbookChanges().compare(before, after, findings);
      new RecordingChanges().compare(before, after, findings);
      new DashboardChanges().compare(before, after, findings);
      new CoverageChanges().compare(before, after, findings);
      Map<String, String> acknowledgements = acknowledgements(after);
      TreeSet<String> used = new TreeSet<>();
      for (Findings.RawRisk risk : findings.risks) {
        String reason = acknowledgements.get(risk.element());
        if (reason != null) {
          used.add(risk.element());
        }
        risks.add(new RiskFinding(risk.risk(), name, risk.element(), risk.text(), reason));
      }
      acknowledgements.keySet().stream().filter(element -> !used.contains(element))
          .forEach(element -> unused.add(name + ": " + element));
      if (!findings.changes.isEmpty()) {
        ChangeKind status = before == null ? ChangeKind.ADDED : after == null ? ChangeKind.REMOVED
            : ChangeKind.CHANGED;
        List<Change> changes = new ArrayList<>(findings.changes);
        // Sections in a fixed order; within one, in the order the comparison found them (sorted by name).
        changes.sort(java.util.Comparator.comparing(Change::area));
        services.add(new Plan.ServiceChanges(name, status, changes));
      }
    }
    return new Plan(baseline.label(), risks, services, unused, names.size());
  }

  /** The current definitions' acknowledgements of the service, by element; the first reason wins. */
  private static Map<String, String> acknowledgements(ServiceOutput after) {
    Map<String, String> byElement = new LinkedHashMap<>();
    if (after != null) {
      for (JsonNode acknowledgement : after.snapshot.path("riskAcknowledgements")) {
        byElement.putIfAbsent(acknowledgement.path("element").asText(), acknowledgement.path("reason").asText());
      }
    }
    return byElement;
  }
}
