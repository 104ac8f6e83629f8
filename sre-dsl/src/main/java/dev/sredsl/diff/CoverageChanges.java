package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Each coverage counter before and after, as items covered (waived ones included, as the definitions
 * state them) out of all; {@code sre:check} judges waivers' expiry.
 */
final class CoverageChanges {

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    JsonNode a = before == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : before.snapshot.path("coverage");
    JsonNode b = after == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : after.snapshot.path("coverage");
    JsonNode counters = b.isMissingNode() ? a : b;
    for (Iterator<Map.Entry<String, JsonNode>> it = counters.fields(); it.hasNext(); ) {
      String counter = it.next().getKey();
      String x = value(a.path(counter));
      String y = value(b.path(counter));
      if (Values.differ(x, y)) {
        findings.change(new Change(Area.COVERAGE, before == null ? ChangeKind.ADDED
            : after == null ? ChangeKind.REMOVED : ChangeKind.CHANGED, counter, "",
            List.of(Change.Detail.of("covered", x, y))));
      }
    }
  }

  /** E.g. "3 of 4", or {@code null} for a counter the side does not have. */
  private static String value(JsonNode counter) {
    if (counter.isMissingNode()) {
      return null;
    }
    int covered = counter.path("covered").asInt() + counter.path("waived").asInt();
    int total = covered + counter.path("missed").asInt();
    return covered + " of " + total;
  }
}
