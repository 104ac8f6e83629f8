package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The runbooks of the declared alerts, section by section: the steps added and removed, with their
 * text. An alert that came or went is the alert comparison's business; here only runbooks of alerts
 * present on both sides are compared.
 */
final class RunbookChanges {

  private static final List<String> SECTIONS = List.of("symptoms", "diagnosis", "mitigations", "escalation", "links");

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    if (before == null || after == null) {
      return;
    }
    Map<String, JsonNode> old = alerts(before);
    Map<String, JsonNode> now = alerts(after);
    for (String name : new TreeSet<>(old.keySet())) {
      if (!now.containsKey(name)) {
        continue;
      }
      JsonNode a = old.get(name).path("runbook");
      JsonNode b = now.get(name).path("runbook");
      boolean pages = !"info".equals(now.get(name).path("severity").asText());
      if (a.isMissingNode() && b.isMissingNode()) {
        continue;
      }
      if (b.isMissingNode()) {
        findings.change(new Change(Area.RUNBOOKS, ChangeKind.REMOVED, name, "", List.of()));
        if (pages && !a.path("escalation").isEmpty()) {
          findings.risk(Risk.ESCALATION_REMOVED, name, "`" + name + "` has no runbook any more");
        }
        continue;
      }
      List<Change.Detail> details = new ArrayList<>();
      for (String section : SECTIONS) {
        List<String> x = steps(a.path(section));
        List<String> y = steps(b.path(section));
        x.stream().filter(step -> !y.contains(step)).forEach(step -> details.add(Change.Detail.of(section, step, null)));
        y.stream().filter(step -> !x.contains(step)).forEach(step -> details.add(Change.Detail.of(section, null, step)));
      }
      if (a.isMissingNode()) {
        findings.change(new Change(Area.RUNBOOKS, ChangeKind.ADDED, name, "", details));
        continue;
      }
      if (!details.isEmpty()) {
        findings.change(new Change(Area.RUNBOOKS, ChangeKind.CHANGED, name, "", details));
      }
      if (pages && !a.path("escalation").isEmpty() && b.path("escalation").isEmpty()) {
        findings.risk(Risk.ESCALATION_REMOVED, name, "`" + name + "`'s runbook no longer says when to escalate");
      }
    }
  }

  private static Map<String, JsonNode> alerts(ServiceOutput service) {
    Map<String, JsonNode> alerts = new LinkedHashMap<>();
    service.snapshot.path("alerts").forEach(alert -> alerts.put(alert.path("name").asText(), alert));
    return alerts;
  }

  /** A section's steps as text: a mitigation with its risk, a link as title and address. */
  private static List<String> steps(JsonNode section) {
    List<String> steps = new ArrayList<>();
    for (JsonNode step : section) {
      if (step.isTextual()) {
        steps.add(step.asText());
      } else if (step.has("action")) {
        steps.add(step.path("action").asText() + (step.has("risk") ? " (risky: " + step.path("risk").asText() + ")"
            : " (safe)"));
      } else {
        steps.add(step.path("title").asText() + ": " + step.path("url").asText());
      }
    }
    return steps;
  }
}
