package dev.sredsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema check itself, on hand-written dashboards. */
class GrafanaSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The smallest dashboard the schema accepts, with one timeseries panel and its Prometheus target. */
  private static final String MINIMAL = """
      {
        "title": "minimal",
        "editable": false,
        "schemaVersion": 39,
        "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus"}]},
        "annotations": {"list": []},
        "links": [{"title": "Home", "type": "link", "url": "https://example.com", "icon": "external link",
                   "tooltip": "", "tags": [], "asDropdown": false, "targetBlank": false, "includeVars": false,
                   "keepTime": false}],
        "panels": [
          {"type": "row", "id": 1, "title": "Row", "collapsed": true, "panels": [
            {"type": "timeseries", "id": 2, "title": "Up",
             "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "fieldConfig": {"defaults": {"unit": "short"}, "overrides": []},
             "targets": [{"refId": "A", "expr": "up"}]}
          ]}
        ]
      }
      """;

  @Test
  void acceptsMinimalDashboard() throws Exception {
    assertEquals(List.of(), GrafanaSchema.validate(JSON.readTree(MINIMAL), GrafanaSchema.DASHBOARD));
  }

  @Test
  void rejectsUnknownProperty() throws Exception {
    ObjectNode dashboard = (ObjectNode) JSON.readTree(MINIMAL);
    dashboard.put("colour", "blue");
    List<String> problems = GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD);
    assertFalse(problems.isEmpty());
    assertTrue(problems.stream().anyMatch(p -> p.contains("colour")), problems::toString);
  }

  @Test
  void rejectsMissingRequiredFields() throws Exception {
    ObjectNode dashboard = (ObjectNode) JSON.readTree(MINIMAL);
    dashboard.remove("annotations");
    ((ObjectNode) dashboard.path("links").get(0)).remove("keepTime");
    List<String> problems = GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD);
    assertTrue(problems.stream().anyMatch(p -> p.contains("annotations")), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.contains("keepTime")), problems::toString);
  }

  @Test
  void checksTargetsAgainstThePrometheusQuerySchema() throws Exception {
    assertEquals(List.of(), GrafanaSchema.validateTarget(JSON.readTree("""
        {"refId": "A", "datasource": {"type": "prometheus", "uid": "${datasource}"}, "expr": "up",
         "legendFormat": "{{instance}}", "editorMode": "code", "range": true, "instant": false}""")));
    List<String> problems = GrafanaSchema.validateTarget(JSON.readTree("""
        {"refId": "A", "query": "up"}"""));
    assertTrue(problems.stream().anyMatch(p -> p.contains("expr")), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.contains("query")), problems::toString);
  }

  @Test
  void returnsSortedMessages() throws Exception {
    ObjectNode dashboard = (ObjectNode) JSON.readTree(MINIMAL);
    dashboard.put("zebra", 1);
    dashboard.put("aardvark", 1);
    List<String> problems = GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD);
    assertEquals(problems.stream().sorted().toList(), problems);
    assertEquals(2, problems.size(), problems::toString);
  }

  @Test
  void checksOneDefinitionOfAPanelTypeSchema() throws Exception {
    JsonNode options = JSON.readTree("""
        {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": true, "calcs": []},
         "tooltip": {"mode": "single", "sort": "none"}}""");
    assertEquals(List.of(), GrafanaSchema.validate(options, "timeseries.jsonschema.json", "Options"));
    assertFalse(GrafanaSchema.validate(JSON.readTree("{}"), "timeseries.jsonschema.json", "Options").isEmpty());
  }
}
