package dev.sredsl.generate.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sredsl.testing.GrafanaSchema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule on a small dashboard breaking it; the sample dashboard is clean. */
class DashboardLintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TRAFFIC = "panel 'Traffic' (id 2)";
  private static final String TRAFFIC_A = TRAFFIC + ", target A";

  @Test
  void sampleDashboardIsClean() throws Exception {
    assertEquals(List.of(), DashboardLint.check(clean()));
  }

  @Test
  void sampleDashboardMatchesGrafanaSchema() throws Exception {
    ObjectNode dashboard = clean();
    assertEquals(List.of(), GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD));
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        assertEquals(List.of(), GrafanaSchema.validateTarget(target));
      }
    }
    assertEquals(List.of(), GrafanaSchema.validate(
        panel(dashboard, 1).path("options"), "timeseries.jsonschema.json", "Options"));
    assertEquals(List.of(), GrafanaSchema.validate(
        panel(dashboard, 2).path("options"), "stat.jsonschema.json", "Options"));
  }

  @Test
  void uneditableDashboard() throws Exception {
    ObjectNode dashboard = clean();
    dashboard.put("editable", true);
    assertEquals(List.of("dashboard: uneditable-dashboard: set \"editable\": false, found true"),
        DashboardLint.check(dashboard));
    dashboard.remove("editable");
    assertEquals(List.of("dashboard: uneditable-dashboard: set \"editable\": false, found none"),
        DashboardLint.check(dashboard));
  }

  @Test
  void templateDatasourceMissing() throws Exception {
    ObjectNode dashboard = clean();
    ((ObjectNode) dashboard.path("templating")).putArray("list");
    assertEquals(List.of("dashboard: template-datasource: add to templating.list a variable"
            + " {\"name\": \"datasource\", \"type\": \"datasource\", \"query\": \"prometheus\"}"),
        DashboardLint.check(dashboard));
  }

  @Test
  void templateDatasourceOfWrongType() throws Exception {
    ObjectNode dashboard = clean();
    ((ObjectNode) dashboard.path("templating").path("list").get(0)).put("type", "query").put("query", "up");
    assertEquals(List.of("dashboard: template-datasource: variable 'datasource' must have type 'datasource'"
            + " and query 'prometheus', found type 'query' and query 'up'"),
        DashboardLint.check(dashboard));
  }

  @Test
  void panelDatasource() throws Exception {
    ObjectNode dashboard = clean();
    ObjectNode traffic = panel(dashboard, 1);
    traffic.putObject("datasource").put("uid", "prom-1");
    ((ObjectNode) traffic.path("targets").get(0)).remove("datasource");
    assertEquals(List.of(
            TRAFFIC + ": panel-datasource: set \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"},"
                + " found {\"uid\":\"prom-1\"}",
            TRAFFIC_A + ": panel-datasource: set \"datasource\": {\"type\": \"prometheus\", \"uid\":"
                + " \"${datasource}\"}, found none"),
        DashboardLint.check(dashboard));
  }

  @Test
  void panelTitleDescription() throws Exception {
    ObjectNode dashboard = clean();
    ObjectNode traffic = panel(dashboard, 1);
    traffic.put("title", " ");
    traffic.remove("description");
    assertEquals(List.of(
            "panel (untitled) (id 2): panel-title-description: set a non-blank \"title\"",
            "panel (untitled) (id 2): panel-title-description: set a non-blank \"description\" saying what the"
                + " panel shows"),
        DashboardLint.check(dashboard));
  }

  @Test
  void panelUnits() throws Exception {
    ObjectNode dashboard = clean();
    ((ObjectNode) panel(dashboard, 2).path("fieldConfig").path("defaults")).remove("unit");
    assertEquals(List.of("panel 'Availability (30d)' (id 3): panel-units: stat panel needs a"
            + " fieldConfig.defaults.unit (e.g. \"reqps\", \"s\", \"percentunit\")"),
        DashboardLint.check(dashboard));
  }

  @Test
  void panelNoTargets() throws Exception {
    ObjectNode dashboard = clean();
    panel(dashboard, 1).putArray("targets");
    ObjectNode stat = panel(dashboard, 2);
    ((ObjectNode) stat.path("targets").get(0)).put("expr", "  ");
    assertEquals(List.of(
            TRAFFIC + ": panel-no-targets: add at least one target with a non-blank \"expr\"",
            "panel 'Availability (30d)' (id 3): panel-no-targets: add at least one target with a non-blank"
                + " \"expr\""),
        DashboardLint.check(dashboard));
  }

  @Test
  void textPanelsNeedNoTargetsNorDatasource() throws Exception {
    ObjectNode dashboard = clean();
    ((ArrayNode) dashboard.path("panels")).addObject()
        .put("type", "text").put("id", 9).put("title", "Read me").put("description", "How to read this.");
    assertEquals(List.of(), DashboardLint.check(dashboard));
  }

  @Test
  void targetPromql() throws Exception {
    ObjectNode dashboard = clean();
    target(dashboard, 1, 0).put("expr", "sum(rate(http_server_requests_seconds_count[$__rate_interval])");
    // The column counts in the substituted text the message shows.
    assertEquals(List.of(TRAFFIC_A + ": target-promql: fix the PromQL, column 58: unclosed left parenthesis;"
            + " add ')' in: sum(rate(http_server_requests_seconds_count[17m13s100ms])"),
        DashboardLint.check(dashboard));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sum by (uri) (rate(http_server_requests_seconds_count{service=\"$service\"}[$__rate_interval]))",
      "sum(rate(http_server_requests_seconds_count{service=~\"${service:regex}\"}[${__rate_interval}]))",
      "sum(rate(http_server_requests_seconds_count{service=\"[[service]]\"}[$__rate_interval])) by ($group)",
      "max_over_time(slo:error:ratio_rate5m[$__range] offset $__interval)",
      "max_over_time(slo:error:ratio_rate5m[$window]) / $__range_s",
      "max_over_time(slo:error:ratio_rate5m[$__range:$step])",
      "$metric:ratio_rate5m{service=\"$service\"}",
      "label_replace(slo:error:ratio_rate5m, \"svc\", \"$1\", \"service\", \"(.*)\")",
  })
  void substitutesVariablesBeforeParsing(String expr) throws Exception {
    ObjectNode dashboard = clean();
    target(dashboard, 1, 0).put("expr", expr);
    assertEquals(List.of(), DashboardLint.check(dashboard));
  }

  @Test
  void targetRateInterval() throws Exception {
    ObjectNode dashboard = clean();
    target(dashboard, 1, 0).put("expr", "sum(rate(http_server_requests_seconds_count[5m]))"
        + " / sum(increase(http_server_requests_seconds_count[$__interval]))"
        + " + max_over_time(up[1h]) + avg_over_time(job:up:avg[1h])");
    assertEquals(List.of(
            TRAFFIC_A + ": target-rate-interval: rate() over raw series http_server_requests_seconds_count must use"
                + " [$__rate_interval], found [5m]",
            TRAFFIC_A + ": target-rate-interval: increase() over raw series http_server_requests_seconds_count must"
                + " use [$__rate_interval], found [$__interval]",
            TRAFFIC_A + ": target-rate-interval: max_over_time() over raw series up must use [$__rate_interval],"
                + " found [1h]"),
        DashboardLint.check(dashboard));
  }

  @Test
  void targetCounterAgg() throws Exception {
    ObjectNode dashboard = clean();
    target(dashboard, 1, 0).put("expr", "sum(http_server_requests_seconds_count)"
        + " / max_over_time(jvm_gc_pause_seconds_sum[$__rate_interval])"
        + " + histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[$__rate_interval])))"
        + " + job:requests_total:rate5m");
    assertEquals(List.of(
            TRAFFIC_A + ": target-counter-agg: raw counter http_server_requests_seconds_count is used without"
                + " rate(); wrap it: rate(http_server_requests_seconds_count[$__rate_interval]) (or irate(),"
                + " increase())",
            TRAFFIC_A + ": target-counter-agg: raw counter jvm_gc_pause_seconds_sum is used in max_over_time(); use"
                + " it only inside rate(), irate() or increase()"),
        DashboardLint.check(dashboard));
  }

  @Test
  void lintsPanelsInsideCollapsedRowsInOrder() throws Exception {
    ObjectNode dashboard = (ObjectNode) JSON.readTree("""
        {
          "editable": false,
          "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus"}]},
          "panels": [
            {"type": "row", "id": 1, "title": "Collapsed", "collapsed": true, "panels": [
              {"type": "gauge", "id": 2, "title": "Heap", "description": "Heap used.",
               "datasource": {"type": "prometheus", "uid": "${datasource}"},
               "targets": [{"refId": "A", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                            "expr": "jvm_memory_used_bytes{area=\\"heap\\"}"}]}
            ]},
            {"type": "bargauge", "id": 3, "title": "After", "description": "After the row.",
             "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "fieldConfig": {"defaults": {"unit": "short"}, "overrides": []},
             "targets": [{"datasource": {"type": "prometheus", "uid": "${datasource}"},
                          "expr": "rate(x_total[1m])"}]}
          ]
        }
        """);
    assertEquals(List.of(
            "panel 'Heap' (id 2): panel-units: gauge panel needs a fieldConfig.defaults.unit (e.g. \"reqps\","
                + " \"s\", \"percentunit\")",
            "panel 'After' (id 3), target #1: target-rate-interval: rate() over raw series x_total must use"
                + " [$__rate_interval], found [1m]"),
        DashboardLint.check(dashboard));
  }

  private static ObjectNode clean() throws Exception {
    return (ObjectNode) JSON.readTree(SampleDashboards.CLEAN);
  }

  private static ObjectNode panel(JsonNode dashboard, int index) {
    return (ObjectNode) dashboard.path("panels").get(index);
  }

  private static ObjectNode target(JsonNode dashboard, int panel, int index) {
    return (ObjectNode) dashboard.path("panels").get(panel).path("targets").get(index);
  }
}
