package dev.sredsl.diff;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Recorded series added, removed, or computed differently, by series name and labels. */
final class RecordingChanges {

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    Map<String, String> a = before == null ? Map.of() : before.recordings;
    Map<String, String> b = after == null ? Map.of() : after.recordings;
    TreeSet<String> series = new TreeSet<>(a.keySet());
    series.addAll(b.keySet());
    for (String name : series) {
      String x = Values.canonical(a.get(name));
      String y = Values.canonical(b.get(name));
      if (x == null) {
        findings.change(new Change(Area.RECORDING_RULES, ChangeKind.ADDED, name, "",
            List.of(Change.Detail.code("expression", null, y))));
      } else if (y == null) {
        findings.change(new Change(Area.RECORDING_RULES, ChangeKind.REMOVED, name, "", List.of()));
      } else if (!x.equals(y)) {
        findings.change(new Change(Area.RECORDING_RULES, ChangeKind.CHANGED, name, "",
            List.of(Change.Detail.code("expression", x, y))));
      }
    }
  }
}
