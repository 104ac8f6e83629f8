package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard by row and panel title, never by JSON path: rows and panels added and removed, panels
 * retitled (one gone and one new in the same row with the same queries) and queries changed.
 */
final class DashboardChanges {

  /** A panel as a reviewer knows it: its row, title and queries. */
  private record Panel(String row, String title, List<String> queries) {
    String key() {
      return row.isEmpty() ? title : row + " / " + title;
    }
  }

  void compare(ServiceOutput before, ServiceOutput after, Findings findings) {
    Map<String, Panel> a = panels(before == null ? null : before.dashboard);
    Map<String, Panel> b = panels(after == null ? null : after.dashboard);
    List<String> rowsBefore = rows(before == null ? null : before.dashboard);
    List<String> rowsAfter = rows(after == null ? null : after.dashboard);
    for (String row : rowsBefore) {
      if (!rowsAfter.contains(row)) {
        findings.change(new Change(Area.DASHBOARDS, ChangeKind.REMOVED, "row " + row, "", List.of()));
      }
    }
    for (String row : rowsAfter) {
      if (!rowsBefore.contains(row)) {
        findings.change(new Change(Area.DASHBOARDS, ChangeKind.ADDED, "row " + row, "", List.of()));
      }
    }
    List<Panel> removed = new ArrayList<>();
    List<Panel> added = new ArrayList<>();
    a.forEach((key, panel) -> {
      if (!b.containsKey(key)) {
        removed.add(panel);
      }
    });
    b.forEach((key, panel) -> {
      if (!a.containsKey(key)) {
        added.add(panel);
      }
    });
    for (Panel gone : List.copyOf(removed)) {
      Panel renamed = added.stream()
          .filter(p -> p.row().equals(gone.row()) && p.queries().equals(gone.queries()) && !p.queries().isEmpty())
          .findFirst().orElse(null);
      if (renamed != null) {
        removed.remove(gone);
        added.remove(renamed);
        findings.change(new Change(Area.DASHBOARDS, ChangeKind.CHANGED, "panel " + gone.key(), "",
            List.of(Change.Detail.of("title", gone.title(), renamed.title()))));
      }
    }
    removed.forEach(p -> findings.change(new Change(Area.DASHBOARDS, ChangeKind.REMOVED, "panel " + p.key(), "",
        List.of())));
    for (Panel p : added) {
      List<Change.Detail> details = new ArrayList<>();
      p.queries().forEach(q -> details.add(Change.Detail.code("query", null, q)));
      findings.change(new Change(Area.DASHBOARDS, ChangeKind.ADDED, "panel " + p.key(), "", details));
    }
    a.forEach((key, old) -> {
      Panel now = b.get(key);
      if (now != null && !now.queries().equals(old.queries())) {
        List<Change.Detail> details = new ArrayList<>();
        int n = Math.max(old.queries().size(), now.queries().size());
        for (int i = 0; i < n; i++) {
          String x = i < old.queries().size() ? old.queries().get(i) : null;
          String y = i < now.queries().size() ? now.queries().get(i) : null;
          if (Values.differ(x, y)) {
            details.add(Change.Detail.code("query", x, y));
          }
        }
        findings.change(new Change(Area.DASHBOARDS, ChangeKind.CHANGED, "panel " + key, "", details));
      }
    });
  }

  private static List<String> rows(JsonNode dashboard) {
    List<String> rows = new ArrayList<>();
    if (dashboard != null) {
      dashboard.path("panels").forEach(p -> {
        if ("row".equals(p.path("type").asText())) {
          rows.add(p.path("title").asText());
        }
      });
    }
    return rows;
  }

  /**
   * Panels by key, in dashboard order: a panel belongs to the row above it, or to the row whose
   * {@code panels} hold it when the row is collapsed. A title used twice in a row gets " (2)".
   */
  private static Map<String, Panel> panels(JsonNode dashboard) {
    Map<String, Panel> panels = new LinkedHashMap<>();
    if (dashboard == null) {
      return panels;
    }
    String row = "";
    for (JsonNode p : dashboard.path("panels")) {
      if ("row".equals(p.path("type").asText())) {
        row = p.path("title").asText();
        for (JsonNode nested : p.path("panels")) {
          add(panels, row, nested);
        }
      } else {
        add(panels, row, p);
      }
    }
    return panels;
  }

  private static void add(Map<String, Panel> panels, String row, JsonNode panel) {
    List<String> queries = new ArrayList<>();
    panel.path("targets").forEach(t -> queries.add(Values.canonicalOrRaw(t.path("expr").asText())));
    String title = panel.path("title").asText();
    Panel p = new Panel(row, title, queries);
    int n = 2;
    while (panels.containsKey(p.key())) {
      p = new Panel(row, title + " (" + n++ + ")", queries);
    }
    panels.put(p.key(), p);
  }
}
