package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SLOs added, removed and changed: the objective and what it means as error budget, the latency
 * threshold, and each burn-rate alert switched on, off or retuned.
 */
final class SloChanges {

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    Map<String, JsonNode> old = byName(before);
    Map<String, JsonNode> now = byName(after);
    TreeSet<String> names = new TreeSet<>(old.keySet());
    names.addAll(now.keySet());
    for (String name : names) {
      JsonNode a = old.get(name);
      JsonNode b = now.get(name);
      if (a == null) {
        findings.change(new Change(Area.SLOS, ChangeKind.ADDED, name, objective(b), described(b)));
      } else if (b == null) {
        findings.change(new Change(Area.SLOS, ChangeKind.REMOVED, name, objective(a), List.of()));
        findings.risk(Risk.SLO_LOWERED, name, "SLO " + name + " removed (was " + objective(a) + ")");
      } else {
        changed(name, a, b, findings);
      }
    }
  }

  private static Map<String, JsonNode> byName(ServiceOutput service) {
    Map<String, JsonNode> slos = new LinkedHashMap<>();
    if (service != null) {
      service.snapshot.path("slos").forEach(slo -> slos.put(slo.path("name").asText(), slo));
    }
    return slos;
  }

  /** E.g. "99.9% over 30d: 43m12s of full outage". */
  static String objective(JsonNode slo) {
    String latency = slo.has("latencyThreshold") ? " within " + slo.path("latencyThreshold").asText() : "";
    return percent(slo) + "%" + latency + " over " + slo.path("period").asText() + ": "
        + slo.path("errorBudget").asText() + " of full outage";
  }

  private static String percent(JsonNode slo) {
    return new BigDecimal(slo.path("objectivePercent").asText()).stripTrailingZeros().toPlainString();
  }

  private static List<Change.Detail> described(JsonNode slo) {
    List<Change.Detail> details = new ArrayList<>();
    details.add(Change.Detail.of("page", null, windows(slo.path("pageAlerts"))));
    details.add(Change.Detail.of("ticket", null, windows(slo.path("ticketAlerts"))));
    if (slo.path("budgetExhaustedTicket").asBoolean()) {
      details.add(Change.Detail.of("budget exhausted", null, "ticket"));
    }
    return details;
  }

  /** E.g. "1h and 5m above 14.4x, 6h and 30m above 6x", or "off". */
  static String windows(JsonNode windows) {
    if (windows.isEmpty()) {
      return "off";
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode w : windows) {
      parts.add(w.path("longWindow").asText() + " and " + w.path("shortWindow").asText() + " above "
          + w.path("burnRate").asText() + "x");
    }
    return String.join(", ", parts);
  }

  private static void changed(String name, JsonNode a, JsonNode b, Findings findings) {
    List<Change.Detail> details = new ArrayList<>();
    String before = objective(a);
    String after = objective(b);
    if (!before.equals(after)) {
      details.add(Change.Detail.of("objective", before, after));
      boolean lower = new BigDecimal(b.path("objectivePercent").asText())
          .compareTo(new BigDecimal(a.path("objectivePercent").asText())) < 0;
      boolean slower = a.has("latencyThreshold") && b.has("latencyThreshold")
          && Values.duration(b.path("latencyThreshold").asText())
              .compareTo(Values.duration(a.path("latencyThreshold").asText())) > 0;
      if (lower || slower) {
        findings.risk(Risk.SLO_LOWERED, name, "SLO " + name + ": " + before + " → " + after);
      }
    }
    for (String count : List.of("bad", "good", "total")) {
      String x = a.path("events").path(count).asText(null);
      String y = b.path("events").path(count).asText(null);
      if (Values.differ(x, y)) {
        details.add(Change.Detail.code(count + " events", x, y));
      }
    }
    tier(name, "page", a.path("pageAlerts"), b.path("pageAlerts"), details, findings);
    tier(name, "ticket", a.path("ticketAlerts"), b.path("ticketAlerts"), details, findings);
    boolean exhaustedBefore = a.path("budgetExhaustedTicket").asBoolean();
    boolean exhaustedAfter = b.path("budgetExhaustedTicket").asBoolean();
    if (exhaustedBefore != exhaustedAfter) {
      details.add(Change.Detail.of("budget exhausted", exhaustedBefore ? "ticket" : "off",
          exhaustedAfter ? "ticket" : "off"));
      if (exhaustedBefore) {
        findings.risk(Risk.SLO_ALERTS_OFF, name, "SLO " + name + ": the budget-exhausted ticket is off");
      }
    }
    int eventsBefore = a.path("minimumBadEvents").asInt();
    int eventsAfter = b.path("minimumBadEvents").asInt();
    if (eventsBefore != eventsAfter) {
      details.add(Change.Detail.of("minimum bad events", Integer.toString(eventsBefore),
          Integer.toString(eventsAfter)));
      if (eventsAfter > eventsBefore) {
        findings.risk(Risk.THRESHOLD_LOOSENED, name, "SLO " + name + ": burn-rate alerts need " + eventsBefore
            + " → " + eventsAfter + " bad events");
      }
    }
    if (Values.differ(a.path("windowForm").asText(), b.path("windowForm").asText())) {
      details.add(Change.Detail.of("windows computed from", a.path("windowForm").asText(),
          b.path("windowForm").asText()));
    }
    if (!details.isEmpty()) {
      findings.change(new Change(Area.SLOS, ChangeKind.CHANGED, name, after, details));
    }
  }

  /** One tier's burn-rate alert: off, on, or with other windows or burn rates. */
  private static void tier(String name, String tier, JsonNode a, JsonNode b, List<Change.Detail> details,
      Findings findings) {
    String before = windows(a);
    String after = windows(b);
    if (before.equals(after)) {
      return;
    }
    details.add(Change.Detail.of(tier, before, after));
    if (!a.isEmpty() && b.isEmpty()) {
      findings.risk(Risk.SLO_ALERTS_OFF, name, "SLO " + name + ": the " + tier + " alert is off (was " + before + ")");
      return;
    }
    if (a.size() != b.size()) {
      return;
    }
    for (int i = 0; i < a.size(); i++) {
      JsonNode x = a.get(i);
      JsonNode y = b.get(i);
      if (Values.duration(y.path("longWindow").asText()).compareTo(Values.duration(x.path("longWindow").asText())) > 0
          || Values.duration(y.path("shortWindow").asText())
              .compareTo(Values.duration(x.path("shortWindow").asText())) > 0) {
        findings.risk(Risk.WINDOW_WIDENED, name, "SLO " + name + " " + tier + ": " + before + " → " + after);
        break;
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (new BigDecimal(b.get(i).path("burnRate").asText())
          .compareTo(new BigDecimal(a.get(i).path("burnRate").asText())) > 0) {
        findings.risk(Risk.THRESHOLD_LOOSENED, name, "SLO " + name + " " + tier + ": " + before + " → " + after);
        break;
      }
    }
  }
}
