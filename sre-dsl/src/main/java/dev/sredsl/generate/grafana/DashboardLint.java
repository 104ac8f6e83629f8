package dev.sredsl.generate.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatchType;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a Grafana dashboard (JSON model) against our own implementation of the rules of Grafana's
 * dashboard-linter of the same names, for Prometheus dashboards:
 *
 * <ul>
 *   <li>{@code uneditable-dashboard}: {@code editable} is {@code false}.
 *   <li>{@code template-datasource}: {@code templating.list} has a variable named {@code datasource} of
 *       type {@code datasource} whose {@code query} is {@code prometheus}.
 *   <li>{@code panel-datasource}: every non-row panel (text panels aside: they query nothing) and every
 *       target has {@code datasource} {@code {"type": "prometheus", "uid": "${datasource}"}}.
 *   <li>{@code panel-title-description}: every non-row panel has a non-blank {@code title} and
 *       {@code description}.
 *   <li>{@code panel-units}: every timeseries, stat, gauge and bargauge panel has a non-blank
 *       {@code fieldConfig.defaults.unit}.
 *   <li>{@code panel-no-targets}: every non-row panel but text panels has a target with a non-blank
 *       {@code expr}.
 *   <li>{@code target-promql}: every target {@code expr} parses with {@link PromQL#parse} once Grafana's
 *       variables are replaced (see below).
 *   <li>{@code target-rate-interval}: every range selector over a raw series (a metric name without
 *       {@code ':'}; recording rules have one) uses {@code [$__rate_interval]}.
 *   <li>{@code target-counter-agg}: a raw counter (name ending in {@code _total}, {@code _count},
 *       {@code _sum} or {@code _bucket}, no {@code ':'}) appears only as the range selector argument of
 *       {@code rate()}, {@code irate()} or {@code increase()}.
 * </ul>
 *
 * <p>Variables: {@code $__rate_interval}, {@code $__interval}, {@code $__range} (also in the
 * {@code ${...}} form) become durations; {@code $__interval_ms}, {@code $__range_s} and similar become
 * numbers; any other {@code $name}, {@code ${name}}, {@code ${name:format}} or {@code [[name]]} becomes
 * the word {@code var}, or a duration where a duration is expected (right after {@code [}, after
 * {@code :} inside brackets, after {@code offset}, or right before {@code ]}). Every duration put in
 * is a unique, unusual value ({@code 17m13s100ms}, {@code 17m13s101ms}, ...) remembered with the text
 * it replaced, so {@code target-rate-interval} can tell {@code [$__rate_interval]} from a literal range
 * and name what was written instead. A variable standing for a number where only a number parses
 * (e.g. {@code topk($k, x)}) is not supported.
 *
 * <p>Messages come in a fixed order: dashboard-level rules, then panels in order (panels of a row
 * right after it), each panel's own rules before its targets in order. Each message is one line:
 * {@code panel 'Traffic' (id 3), target A: target-rate-interval: ...}.
 */
public final class DashboardLint {

  private static final String DATASOURCE_UID = "${datasource}";
  private static final String PROMETHEUS = "prometheus";
  private static final Set<String> UNIT_PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "bargauge");
  private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase");
  private static final Pattern COUNTER_SUFFIX = Pattern.compile(".*_(total|count|sum|bucket)");

  private DashboardLint() {}

  /** One message per violation, in a fixed order; empty when the dashboard is clean. */
  public static List<String> check(JsonNode dashboard) {
    List<String> problems = new ArrayList<>();
    uneditableDashboard(dashboard, problems);
    templateDatasource(dashboard, problems);
    annotationPromql(dashboard, problems);
    for (JsonNode panel : panels(dashboard)) {
      checkPanel(panel, problems);
    }
    return problems;
  }

  /** annotation-promql (ours, beside the linter's rules): an annotation's query must parse too. */
  private static void annotationPromql(JsonNode dashboard, List<String> problems) {
    for (JsonNode annotation : dashboard.path("annotations").path("list")) {
      String expr = annotation.path("expr").asText("");
      if (expr.isBlank()) {
        continue;
      }
      GrafanaVariables.Substituted substituted = GrafanaVariables.substitute(expr);
      try {
        PromQL.parse(substituted.text());
      } catch (PromQLException e) {
        problems.add("annotation '" + oneLine(annotation.path("name").asText()) + "': annotation-promql: fix the"
            + " PromQL, " + e.getMessage() + " in: " + oneLine(substituted.text()));
      }
    }
  }

  /** Non-row panels in order; the panels a (collapsed) row holds come right after the row. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        panel.path("panels").forEach(out::add);
      } else {
        out.add(panel);
      }
    }
    return out;
  }

  private static void checkPanel(JsonNode panel, List<String> problems) {
    String where = describe(panel);
    panelDatasource(panel, where, problems);
    panelTitleDescription(panel, where, problems);
    panelUnits(panel, where, problems);
    panelNoTargets(panel, where, problems);
    int index = 0;
    for (JsonNode target : panel.path("targets")) {
      index++;
      String at = where + ", target " + (isBlank(target.path("refId")) ? "#" + index : target.path("refId").asText());
      targetDatasource(target, at, problems);
      String expr = target.path("expr").asText("");
      if (expr.isBlank()) {
        continue;
      }
      GrafanaVariables.Substituted substituted = GrafanaVariables.substitute(expr);
      Expr tree;
      try {
        tree = PromQL.parse(substituted.text());
      } catch (PromQLException e) {
        problems.add(at + ": target-promql: fix the PromQL, " + e.getMessage() + " in: "
            + oneLine(substituted.text()));
        continue;
      }
      targetRateInterval(tree, substituted, at, problems);
      targetCounterAgg(tree, at, problems);
    }
  }

  // Dashboard rules.

  private static void uneditableDashboard(JsonNode dashboard, List<String> problems) {
    JsonNode editable = dashboard.path("editable");
    if (!editable.isBoolean() || editable.booleanValue()) {
      problems.add("dashboard: uneditable-dashboard: set \"editable\": false, found "
          + (editable.isMissingNode() ? "none" : editable.toString()));
    }
  }

  private static void templateDatasource(JsonNode dashboard, List<String> problems) {
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if ("datasource".equals(variable.path("name").asText(null))) {
        String type = variable.path("type").asText("");
        String query = variable.path("query").isTextual() ? variable.path("query").asText() : "";
        if (!"datasource".equals(type) || !PROMETHEUS.equals(query)) {
          problems.add("dashboard: template-datasource: variable 'datasource' must have type 'datasource' and query"
              + " 'prometheus', found type '" + type + "' and query '" + query + "'");
        }
        return;
      }
    }
    problems.add("dashboard: template-datasource: add to templating.list a variable"
        + " {\"name\": \"datasource\", \"type\": \"datasource\", \"query\": \"prometheus\"}");
  }

  // Panel rules.

  private static void panelDatasource(JsonNode panel, String where, List<String> problems) {
    if (!"text".equals(panel.path("type").asText()) && !isTemplatedDatasource(panel.path("datasource"))) {
      problems.add(where + ": panel-datasource: " + datasourceFix(panel.path("datasource")));
    }
  }

  private static void targetDatasource(JsonNode target, String where, List<String> problems) {
    if (!isTemplatedDatasource(target.path("datasource"))) {
      problems.add(where + ": panel-datasource: " + datasourceFix(target.path("datasource")));
    }
  }

  private static void panelTitleDescription(JsonNode panel, String where, List<String> problems) {
    if (isBlank(panel.path("title"))) {
      problems.add(where + ": panel-title-description: set a non-blank \"title\"");
    }
    if (isBlank(panel.path("description"))) {
      problems.add(where + ": panel-title-description: set a non-blank \"description\" saying what the panel shows");
    }
  }

  private static void panelUnits(JsonNode panel, String where, List<String> problems) {
    String type = panel.path("type").asText();
    if (UNIT_PANEL_TYPES.contains(type) && isBlank(panel.path("fieldConfig").path("defaults").path("unit"))) {
      problems.add(where + ": panel-units: " + type + " panel needs a fieldConfig.defaults.unit"
          + " (e.g. \"reqps\", \"s\", \"percentunit\")");
    }
  }

  private static void panelNoTargets(JsonNode panel, String where, List<String> problems) {
    if ("text".equals(panel.path("type").asText())) {
      return;
    }
    for (JsonNode target : panel.path("targets")) {
      if (!isBlank(target.path("expr"))) {
        return;
      }
    }
    problems.add(where + ": panel-no-targets: add at least one target with a non-blank \"expr\"");
  }

  // Target rules on the parsed expression.

  private static void targetRateInterval(Expr tree, GrafanaVariables.Substituted substituted, String where, List<String> problems) {
    ExprTree.walk(tree, (expr, parent) -> {
      if (expr instanceof MatrixSelector m) {
        String name = metricName(m.selector());
        String written = substituted.originals().get(m.range());
        if (name != null && !name.contains(":")
            && !"$__rate_interval".equals(written) && !"${__rate_interval}".equals(written)) {
          String function = parent instanceof Call c ? c.function().name() + "()" : "range selector";
          problems.add(where + ": target-rate-interval: " + function + " over raw series " + name
              + " must use [$__rate_interval], found ["
              + (written != null ? written : PromDuration.format(m.range())) + "]");
        }
      }
    });
  }

  private static void targetCounterAgg(Expr tree, String where, List<String> problems) {
    ExprTree.walk(tree, (expr, parent) -> {
      if (expr instanceof MatrixSelector m && isRawCounter(metricName(m.selector()))
          && !(parent instanceof Call c && COUNTER_FUNCTIONS.contains(c.function().name()))) {
        problems.add(where + ": target-counter-agg: raw counter " + metricName(m.selector()) + " is used in "
            + (parent instanceof Call c ? c.function().name() + "()" : "a range") + "; use it only inside rate(),"
            + " irate() or increase()");
      } else if (expr instanceof VectorSelector v && !(parent instanceof MatrixSelector)
          && isRawCounter(metricName(v))) {
        problems.add(where + ": target-counter-agg: raw counter " + metricName(v) + " is used without rate();"
            + " wrap it: rate(" + metricName(v) + "[$__rate_interval]) (or irate(), increase())");
      }
    });
  }

  // Helpers.

  /** The metric name, written before the braces or as {@code __name__="..."}; {@code null} if neither. */
  private static String metricName(VectorSelector selector) {
    if (selector.name() != null) {
      return selector.name();
    }
    for (LabelMatcher matcher : selector.matchers()) {
      if ("__name__".equals(matcher.name()) && matcher.type() == MatchType.EQUAL) {
        return matcher.value();
      }
    }
    return null;
  }

  private static boolean isRawCounter(String name) {
    return name != null && !name.contains(":") && COUNTER_SUFFIX.matcher(name).matches();
  }

  private static boolean isTemplatedDatasource(JsonNode datasource) {
    return datasource.isObject()
        && DATASOURCE_UID.equals(datasource.path("uid").asText(null))
        && PROMETHEUS.equals(datasource.path("type").asText(null));
  }

  private static String datasourceFix(JsonNode found) {
    return "set \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"}, found "
        + (found.isMissingNode() ? "none" : found.toString());
  }

  private static String describe(JsonNode panel) {
    String title = panel.path("title").asText("");
    String name = title.isBlank() ? "panel (untitled)" : "panel '" + title + "'";
    return panel.path("id").isNumber() ? name + " (id " + panel.path("id").asText() + ")" : name;
  }

  private static boolean isBlank(JsonNode node) {
    return !node.isTextual() || node.asText().isBlank();
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
