package dev.sredsl.generate.grafana;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places rows and their panels on Grafana's 24-column grid, top to bottom: each row header on a line
 * of its own, then its panels left to right, wrapping when a line is full. The panels of a line that
 * is not full share its width, so no line has a gap and nothing overlaps. Ids are assigned in order.
 */
final class GridLayout {

  static final int COLUMNS = 24;

  /** A titled row and its panels. */
  record Row(String title, List<Panel> panels) {}

  private GridLayout() {}

  static List<Object> place(List<Row> rows) {
    List<Object> out = new ArrayList<>();
    int y = 0;
    int id = 1;
    for (Row row : rows) {
      if (row.panels().isEmpty()) {
        continue;
      }
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("type", "row");
      header.put("id", id++);
      header.put("title", row.title());
      header.put("collapsed", false);
      header.put("gridPos", gridPos(0, y, COLUMNS, 1));
      header.put("panels", List.of());
      out.add(header);
      y += 1;
      for (List<Panel> line : lines(row.panels())) {
        int x = 0;
        int width = COLUMNS / line.size();
        int height = line.stream().mapToInt(Panel::height).max().orElse(8);
        for (int i = 0; i < line.size(); i++) {
          int w = i == line.size() - 1 ? COLUMNS - x : width;
          Map<String, Object> panel = new LinkedHashMap<>();
          panel.put("id", id++);
          panel.putAll(line.get(i).body());
          panel.put("gridPos", gridPos(x, y, w, height));
          out.add(panel);
          x += w;
        }
        y += height;
      }
    }
    return out;
  }

  /** Panels grouped into lines that fit the grid at their preferred widths. */
  private static List<List<Panel>> lines(List<Panel> panels) {
    List<List<Panel>> lines = new ArrayList<>();
    List<Panel> line = new ArrayList<>();
    int used = 0;
    for (Panel panel : panels) {
      if (used + panel.width() > COLUMNS) {
        lines.add(line);
        line = new ArrayList<>();
        used = 0;
      }
      line.add(panel);
      used += panel.width();
    }
    if (!line.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  private static Map<String, Object> gridPos(int x, int y, int w, int h) {
    Map<String, Object> pos = new LinkedHashMap<>();
    pos.put("h", h);
    pos.put("w", w);
    pos.put("x", x);
    pos.put("y", y);
    return pos;
  }
}
