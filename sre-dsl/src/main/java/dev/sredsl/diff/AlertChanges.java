package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.diff.routing.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Alerts added, removed and changed, compared by name: the typed condition as declared, the PromQL, the
 * waits, severity, labels, annotations, and where the notifications go.
 */
final class AlertChanges {

  private static final List<String> SEVERITIES = List.of("info", "warning", "critical");
  private static final List<String> ANNOTATIONS = List.of("summary", "description", "runbook_url", "dashboard_url");

  private final Routing beforeRouting;
  private final Routing afterRouting;
  private final Backtests beforeBacktests;
  private final Backtests afterBacktests;

  AlertChanges(Routing beforeRouting, Routing afterRouting, Backtests beforeBacktests, Backtests afterBacktests) {
    this.beforeRouting = beforeRouting;
    this.afterRouting = afterRouting;
    this.beforeBacktests = beforeBacktests;
    this.afterBacktests = afterBacktests;
  }

  /**
   * The backtest numbers of both builds, when both ran {@code sre:verify}: how the change would have
   * played over the same history.
   */
  private void backtest(String service, String name, List<Change.Detail> details) {
    if (beforeBacktests.isEmpty() || afterBacktests.isEmpty()) {
      return;
    }
    String before = beforeBacktests.of(service, name).orElse(null);
    String after = afterBacktests.of(service, name).orElse(null);
    if (before != null || after != null) {
      details.add(Change.Detail.of("backtest", before, after));
    }
  }

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    TreeSet<String> names = new TreeSet<>();
    if (before != null) {
      names.addAll(before.alerts.keySet());
    }
    if (after != null) {
      names.addAll(after.alerts.keySet());
    }
    for (String name : names) {
      ServiceOutput.AlertRule old = before == null ? null : before.alerts.get(name);
      ServiceOutput.AlertRule now = after == null ? null : after.alerts.get(name);
      String service = after != null ? after.service : before.service;
      if (old == null) {
        List<Change.Detail> details = new ArrayList<>(described(now, declared(after, name)));
        backtest(service, name, details);
        findings.change(new Change(Area.ALERTS, ChangeKind.ADDED, name, note(now, afterRouting), details));
      } else if (now == null) {
        List<Change.Detail> details = new ArrayList<>();
        backtest(service, name, details);
        findings.change(new Change(Area.ALERTS, ChangeKind.REMOVED, name, note(old, beforeRouting), details));
        String severity = old.labels().get("severity");
        // An SLO's own alerts go with the SLO's switches, which the SLO comparison reports.
        if (!old.labels().containsKey("slo") && !"info".equals(severity)) {
          findings.risk(Risk.ALERT_REMOVED, name, "`" + name + "` (" + severity + ") removed");
        }
      } else {
        changed(name, old, now, declared(before, name), declared(after, name), findings);
      }
    }
  }

  /** The alert's entry in the service's snapshot, or a missing node for a generated alert. */
  private static JsonNode declared(ServiceOutput service, String name) {
    if (service == null) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    for (JsonNode alert : service.snapshot.path("alerts")) {
      if (name.equals(alert.path("name").asText())) {
        return alert;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String note(ServiceOutput.AlertRule rule, Routing routing) {
    return Values.orNone(rule.labels().get("severity")) + ", to " + Routing.text(routing.deliveries(rule.routingLabels()));
  }

  /** What a new alert is: its condition and waits. */
  private static List<Change.Detail> described(ServiceOutput.AlertRule rule, JsonNode declared) {
    List<Change.Detail> details = new ArrayList<>();
    String condition = conditionText(declared);
    if (condition != null) {
      details.add(Change.Detail.of("condition", null, condition));
    } else {
      details.add(Change.Detail.code("expression", null, Values.canonical(rule.expr())));
    }
    if (rule.forDuration() != null) {
      details.add(Change.Detail.of("for", null, rule.forDuration()));
    }
    if (rule.keepFiringFor() != null) {
      details.add(Change.Detail.of("keep_firing_for", null, rule.keepFiringFor()));
    }
    return details;
  }

  private void changed(String name, ServiceOutput.AlertRule old, ServiceOutput.AlertRule now, JsonNode oldDeclared,
      JsonNode newDeclared, Findings findings) {
    List<Change.Detail> details = new ArrayList<>();
    String oldCondition = conditionText(oldDeclared);
    String newCondition = conditionText(newDeclared);
    if (Values.differ(oldCondition, newCondition) && oldCondition != null && newCondition != null) {
      details.add(Change.Detail.of("condition", oldCondition, newCondition));
      conditionRisks(name, oldDeclared.path("condition"), newDeclared.path("condition"), oldCondition, newCondition,
          findings);
    }
    String oldExpr = Values.canonical(old.expr());
    String newExpr = Values.canonical(now.expr());
    if (Values.differ(oldExpr, newExpr)) {
      details.add(Change.Detail.code("expression", oldExpr, newExpr));
    }
    if (Values.differ(old.forDuration(), now.forDuration())) {
      details.add(Change.Detail.of("for", old.forDuration(), now.forDuration()));
      Duration before = Values.duration(old.forDuration());
      Duration after = Values.duration(now.forDuration());
      if (after.compareTo(before) > 0) {
        findings.risk(Risk.FOR_LENGTHENED, name, "`" + name + "` waits " + Values.arrow(old.forDuration(),
            now.forDuration()) + " before it fires");
      }
    }
    if (Values.differ(old.keepFiringFor(), now.keepFiringFor())) {
      details.add(Change.Detail.of("keep_firing_for", old.keepFiringFor(), now.keepFiringFor()));
    }
    String oldSeverity = old.labels().get("severity");
    String newSeverity = now.labels().get("severity");
    if (Values.differ(oldSeverity, newSeverity)) {
      details.add(Change.Detail.of("severity", oldSeverity, newSeverity));
      if (SEVERITIES.indexOf(newSeverity) < SEVERITIES.indexOf(oldSeverity)) {
        findings.risk(Risk.SEVERITY_LOWERED, name, "`" + name + "`: " + Values.arrow(oldSeverity, newSeverity));
      }
    }
    TreeSet<String> labels = new TreeSet<>(old.labels().keySet());
    labels.addAll(now.labels().keySet());
    labels.remove("severity");
    for (String label : labels) {
      if (Values.differ(old.labels().get(label), now.labels().get(label))) {
        details.add(Change.Detail.of("label " + label, old.labels().get(label), now.labels().get(label)));
      }
    }
    for (String annotation : ANNOTATIONS) {
      if (Values.differ(old.annotations().get(annotation), now.annotations().get(annotation))) {
        details.add(Change.Detail.of(annotation, old.annotations().get(annotation), now.annotations().get(annotation)));
      }
    }
    List<Delivery> oldDeliveries = beforeRouting.deliveries(old.routingLabels());
    List<Delivery> newDeliveries = afterRouting.deliveries(now.routingLabels());
    if (!Routing.same(oldDeliveries, newDeliveries)) {
      details.add(Change.Detail.of("notifications", Routing.text(oldDeliveries), Routing.text(newDeliveries)));
      List<String> lost = new ArrayList<>();
      for (Delivery delivery : oldDeliveries) {
        if (newDeliveries.stream().noneMatch(d -> d.receiver().equals(delivery.receiver()))) {
          lost.add(delivery.receiver());
        }
      }
      if (!lost.isEmpty()) {
        findings.risk(Risk.ROUTE_LOST_RECEIVER, name, "`" + name + "` no longer reaches " + String.join(", ", lost)
            + " (now " + Routing.text(newDeliveries) + ")");
      }
    }
    if (!details.isEmpty()) {
      backtest(now.labels().getOrDefault("service", ""), name, details);
      findings.change(new Change(Area.ALERTS, ChangeKind.CHANGED, name, note(now, afterRouting), details));
    }
  }

  private static String conditionText(JsonNode declared) {
    JsonNode condition = declared.path("condition");
    if (condition.isMissingNode() || "promql".equals(condition.path("kind").asText())) {
      return null;
    }
    return condition.path("text").asText(null);
  }

  /**
   * A typed condition of the same kind and direction that needs more to fire (a higher threshold above,
   * a lower one below), or reads a longer window.
   */
  private static void conditionRisks(String name, JsonNode old, JsonNode now, String oldText, String newText,
      Findings findings) {
    if (!old.path("kind").asText().equals(now.path("kind").asText())
        || !old.path("comparison").asText().equals(now.path("comparison").asText())
        || !Objects.equals(old.path("signal").asText(null), now.path("signal").asText(null))) {
      return;
    }
    double before = old.path("threshold").asDouble();
    double after = now.path("threshold").asDouble();
    boolean above = "above".equals(now.path("comparison").asText());
    if (above ? after > before : after < before) {
      findings.risk(Risk.THRESHOLD_LOOSENED, name, "`" + name + "`: " + oldText + " → " + newText);
    }
    if (old.has("window") && now.has("window")
        && Values.duration(now.path("window").asText()).compareTo(Values.duration(old.path("window").asText())) > 0) {
      findings.risk(Risk.WINDOW_WIDENED, name, "`" + name + "`: " + oldText + " → " + newText);
    }
  }
}
