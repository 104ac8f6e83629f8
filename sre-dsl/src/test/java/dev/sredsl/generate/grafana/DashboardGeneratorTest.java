package dev.sredsl.generate.grafana;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.RecordedSeries;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.promql.PromQL;
import dev.sredsl.testing.Fixtures;
import dev.sredsl.testing.GrafanaSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of(), "/var/lib/grafana/dashboards/sre", Map.of("app", "grafana"));

  private static JsonNode dashboard(Service service) throws IOException {
    List<GeneratedFile> files = new DashboardGenerator().generate(service, SETTINGS);
    return JSON.readTree(files.get(0).content());
  }

  /** Every panel that is not a row header. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    dashboard.get("panels").forEach(p -> {
      if (!p.get("type").asText().equals("row")) {
        panels.add(p);
      }
    });
    return panels;
  }

  @Test
  void validatesAgainstGrafanasSchemaAndEveryTargetAgainstThePrometheusQuerySchema() throws IOException {
    for (Service service : List.of(Fixtures.checkout(), Fixtures.everything())) {
      JsonNode dashboard = dashboard(service);

      assertEquals(List.of(), GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD), service.name());
      for (JsonNode panel : panels(dashboard)) {
        String title = panel.get("title").asText();
        for (JsonNode target : panel.get("targets")) {
          assertEquals(List.of(), GrafanaSchema.validateTarget(target), title);
        }
        String pluginSchema = panel.get("type").asText() + ".jsonschema.json";
        assertEquals(List.of(), GrafanaSchema.validate(panel.get("options"), pluginSchema, "Options"), title);
        if (panel.get("type").asText().equals("timeseries")) {
          assertEquals(List.of(), GrafanaSchema.validate(panel.at("/fieldConfig/defaults/custom"), pluginSchema,
              "FieldConfig"), title);
        }
      }
    }
  }

  @Test
  void passesTheLintRules() throws IOException {
    assertEquals(List.of(), DashboardLint.check(dashboard(Fixtures.everything())));
  }

  @Test
  void everyTargetIsPromQLAndPanelsHaveTitleDescriptionAndUnit() throws IOException {
    for (JsonNode panel : panels(dashboard(Fixtures.everything()))) {
      String title = panel.get("title").asText();
      assertTrue(!title.isBlank() && !panel.get("description").asText().isBlank(), title);
      assertTrue(!panel.at("/fieldConfig/defaults/unit").asText().isBlank(), title);
      assertEquals("${datasource}", panel.at("/datasource/uid").asText(), title);
      for (JsonNode target : panel.get("targets")) {
        PromQL.parse(target.get("expr").asText().replace("$__rate_interval", "5m"));
      }
    }
  }

  @Test
  void showsTheSlosTheGoldenSignalsTheDependenciesTheDeploymentsAndTheRunbook() throws IOException {
    JsonNode dashboard = dashboard(Fixtures.checkout());

    List<String> rows = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    dashboard.get("panels").forEach(p -> (p.get("type").asText().equals("row") ? rows : titles)
        .add(p.get("title").asText()));
    assertEquals(List.of("Overview", "Golden signals", "Dependencies"), rows);
    assertEquals(List.of(
        "availability: attainment over 30d", "availability: error budget remaining", "availability: burn rate",
        "latency: attainment over 30d", "latency: error budget remaining", "latency: burn rate",
        "Traffic", "Errors", "Latency", "Saturation: jvm-heap", "Saturation: hikari-orders",
        "orders-db (database)"), titles);
    assertEquals("service:http_server_requests:rate5m{service=\"checkout\"}",
        panels(dashboard).get(6).at("/targets/0/expr").asText());
    assertEquals(RecordedSeries.SLO_ERROR_BUDGET_REMAINING + "{service=\"checkout\", slo=\"availability\"}",
        panels(dashboard).get(1).at("/targets/0/expr").asText());
    assertEquals("Deployments", dashboard.at("/annotations/list/0/name").asText());
    assertEquals("https://runbooks.example.com/checkout.md", dashboard.at("/links/0/url").asText());
    assertEquals("checkout", dashboard.get("uid").asText());
    assertEquals(false, dashboard.get("editable").asBoolean());
  }

  @Test
  void layoutFillsTheGridRowByRowWithoutOverlapOrGaps() throws IOException {
    JsonNode panels = dashboard(Fixtures.everything()).get("panels");
    int y = 0;
    int x = 0;
    int lineHeight = 0;
    for (JsonNode panel : panels) {
      JsonNode pos = panel.get("gridPos");
      if (x == 24) {
        y += lineHeight;
        x = 0;
      }
      assertEquals(y, pos.get("y").asInt(), panel.get("title").asText());
      assertEquals(x, pos.get("x").asInt(), panel.get("title").asText());
      x += pos.get("w").asInt();
      lineHeight = pos.get("h").asInt();
      assertTrue(x <= 24, panel.get("title").asText());
    }
    assertEquals(24, x, "the last line is full");
  }

  @Test
  void provisioningAndTheGrafanaDashboardObjectPointAtTheDashboard() throws IOException {
    GeneratedFiles files = new SrePipeline().generate(Fixtures.declare("checkout", s -> s.tier(Tier.LOW)
        .signals(Micrometer.httpServer())), SETTINGS);

    JsonNode provisioning = YAML.readTree(files.get("grafana/provisioning/dashboards.yaml").orElseThrow().content());
    assertEquals(1, provisioning.get("apiVersion").asInt());
    assertEquals("file", provisioning.at("/providers/0/type").asText());
    assertEquals("/var/lib/grafana/dashboards/sre", provisioning.at("/providers/0/options/path").asText());
    JsonNode object = YAML.readTree(files.get("kubernetes/checkout.grafanadashboard.yaml").orElseThrow().content());
    assertEquals("grafana.integreatly.org/v1beta1", object.get("apiVersion").asText());
    assertEquals("GrafanaDashboard", object.get("kind").asText());
    assertEquals("grafana", object.at("/spec/instanceSelector/matchLabels/app").asText());
    assertEquals(JSON.readTree(files.get("grafana/dashboards/checkout.json").orElseThrow().content()),
        JSON.readTree(object.at("/spec/json").asText()));
  }

  @Test
  void aCustomPanelWhosePromQLBreaksALintRuleFailsTheBuild() {
    Declarations declarations = Fixtures.declare("checkout", s -> s.tier(Tier.LOW)
        .signals(Micrometer.httpServer())
        .panel(p -> p.title("Orders").description("Orders per second.").unit("reqps")
            .query("sum(rate(orders_total{job=\"checkout\"}[5m]))"))
        .alert("CheckoutErrors", a -> a.when(errorRatio().above(0.1)).severity(Severity.PAGE)));

    DefinitionException e = assertThrows(DefinitionException.class,
        () -> new SrePipeline().generate(declarations, SETTINGS));

    List<String> messages = e.problems().stream().map(Problem::toString).toList();
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("service 'checkout', dashboard: panel 'Orders'"), messages.get(0));
    assertTrue(messages.get(0).contains("target-rate-interval"), messages.get(0));
  }

  @Test
  void aDeploymentsQueryThatIsNotPromQLFailsTheBuild() {
    Declarations declarations = Fixtures.declare("checkout", s -> s.tier(Tier.LOW)
        .deployments("changes(app_build_info{job=\"checkout\"}[$__rate_interval]) >"));

    DefinitionException e = assertThrows(DefinitionException.class,
        () -> new SrePipeline().generate(declarations, SETTINGS));

    assertTrue(e.problems().get(0).toString().startsWith("service 'checkout', dashboard: annotation 'Deployments':"
        + " annotation-promql: fix the PromQL, column"), e.problems().toString());
  }
}
