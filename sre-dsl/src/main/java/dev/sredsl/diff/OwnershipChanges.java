package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.model.RiskAcknowledgement;
import java.util.ArrayList;
import java.util.List;

/** The service's team, on-call rotation, escalation, chat channel, working hours and tier. */
final class OwnershipChanges {

  private static final List<String> FIELDS = List.of("team", "onCall", "escalation", "chat", "workingHours");
  private static final List<String> NAMES = List.of("team", "on-call", "escalation", "chat", "working hours");
  private static final List<String> REQUIRED = List.of("team", "onCall", "escalation");

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    if (before == null || after == null) {
      return;
    }
    List<Change.Detail> details = new ArrayList<>();
    JsonNode a = before.snapshot.path("owner");
    JsonNode b = after.snapshot.path("owner");
    for (int i = 0; i < FIELDS.size(); i++) {
      String field = FIELDS.get(i);
      String x = a.path(field).asText(null);
      String y = b.path(field).asText(null);
      if (Values.differ(x, y)) {
        details.add(Change.Detail.of(NAMES.get(i), x, y));
        if (x != null && y == null && REQUIRED.contains(field)) {
          findings.risk(Risk.OWNERSHIP_REMOVED, RiskAcknowledgement.OWNERSHIP, "no " + NAMES.get(i) + " any more (was "
              + x + ")");
        }
      }
    }
    // A service only YAML specs declare has no tier until Java gives it one.
    String tierBefore = before.snapshot.path("tier").asText(null);
    String tierAfter = after.snapshot.path("tier").asText(null);
    if (Values.differ(tierBefore, tierAfter)) {
      details.add(Change.Detail.of("tier", tierBefore, tierAfter));
    }
    if (!details.isEmpty()) {
      findings.change(new Change(Area.OWNERSHIP, ChangeKind.CHANGED, RiskAcknowledgement.OWNERSHIP, "", details));
    }
  }
}
