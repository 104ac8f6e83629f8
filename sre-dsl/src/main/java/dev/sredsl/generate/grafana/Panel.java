package dev.sredsl.generate.grafana;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard panel before layout: its Grafana type, the width it prefers on the 24-column grid and
 * its JSON body without {@code id} and {@code gridPos}, which {@link GridLayout} assigns.
 */
record Panel(String type, int width, int height, Map<String, Object> body) {

  /** The data source of every panel and target: the dashboard's {@code datasource} variable. */
  static Map<String, Object> datasource() {
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("type", "prometheus");
    ds.put("uid", "${datasource}");
    return ds;
  }

  /** One Prometheus query; {@code refId} A, B, C... in order. */
  static Map<String, Object> target(int index, String expr, String legend) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("datasource", datasource());
    target.put("expr", expr);
    target.put("legendFormat", legend);
    target.put("range", true);
    target.put("refId", String.valueOf((char) ('A' + index)));
    return target;
  }

  /** A time series of one or more queries, e.g. traffic or latency quantiles. */
  static Panel timeseries(String title, String description, String unit, List<String[]> queriesAndLegends) {
    Map<String, Object> body = common("timeseries", title, description, queriesAndLegends);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("unit", unit);
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("drawStyle", "line");
    custom.put("fillOpacity", 10);
    custom.put("lineWidth", 1);
    custom.put("showPoints", "never");
    custom.put("spanNulls", false);
    defaults.put("custom", custom);
    body.put("fieldConfig", fieldConfig(defaults));
    Map<String, Object> legend = new LinkedHashMap<>();
    legend.put("displayMode", "list");
    legend.put("placement", "bottom");
    legend.put("showLegend", true);
    legend.put("calcs", List.of());
    Map<String, Object> tooltip = new LinkedHashMap<>();
    tooltip.put("mode", "multi");
    tooltip.put("sort", "none");
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("legend", legend);
    options.put("tooltip", tooltip);
    body.put("options", options);
    return new Panel("timeseries", 12, 8, body);
  }

  /**
   * A single value coloured by thresholds, e.g. an SLO's attainment.
   *
   * @param steps colour from the lowest value on ("red"), then {value, colour} pairs upwards
   */
  static Panel stat(String title, String description, String unit, String expr, String baseColor,
      List<Object[]> steps) {
    Map<String, Object> body = common("stat", title, description, List.<String[]>of(new String[] {expr, title}));
    List<Object> thresholdSteps = new ArrayList<>();
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("color", baseColor);
    base.put("value", null);
    thresholdSteps.add(base);
    for (Object[] step : steps) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("color", step[1]);
      s.put("value", step[0]);
      thresholdSteps.add(s);
    }
    Map<String, Object> thresholds = new LinkedHashMap<>();
    thresholds.put("mode", "absolute");
    thresholds.put("steps", thresholdSteps);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("unit", unit);
    defaults.put("decimals", 3);
    defaults.put("color", Map.of("mode", "thresholds"));
    defaults.put("thresholds", thresholds);
    body.put("fieldConfig", fieldConfig(defaults));
    Map<String, Object> reduce = new LinkedHashMap<>();
    reduce.put("calcs", List.of("lastNotNull"));
    reduce.put("fields", "");
    reduce.put("values", false);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("colorMode", "background");
    options.put("graphMode", "none");
    options.put("justifyMode", "auto");
    options.put("orientation", "auto");
    options.put("percentChangeColorMode", "standard");
    options.put("reduceOptions", reduce);
    options.put("showPercentChange", false);
    options.put("textMode", "value");
    options.put("wideLayout", true);
    body.put("options", options);
    return new Panel("stat", 8, 4, body);
  }

  private static Map<String, Object> common(String type, String title, String description, List<String[]> queries) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("description", description);
    body.put("datasource", datasource());
    List<Object> targets = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      targets.add(target(i, queries.get(i)[0], queries.get(i)[1]));
    }
    body.put("targets", targets);
    return body;
  }

  private static Map<String, Object> fieldConfig(Map<String, Object> defaults) {
    Map<String, Object> fieldConfig = new LinkedHashMap<>();
    fieldConfig.put("defaults", defaults);
    fieldConfig.put("overrides", List.of());
    return fieldConfig;
  }
}
