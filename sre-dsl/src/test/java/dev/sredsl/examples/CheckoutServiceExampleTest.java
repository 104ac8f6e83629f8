package dev.sredsl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.grafana.DashboardLint;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.ExampleProjects;
import dev.sredsl.testing.GrafanaSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The definitions of {@code examples/checkout-service}, compiled and loaded as the plugin does, give
 * a dashboard that Grafana's schema and the lint rules accept, with everything the on-call engineer
 * needs. (The example's Maven build and its promtool checks run through maven-invoker-plugin.)
 */
class CheckoutServiceExampleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static Declarations declarations;
  private static GeneratedFiles files;

  @BeforeAll
  static void generate(@TempDir Path work) throws IOException {
    declarations = ExampleProjects.load("checkout-service", work);
    files = new SrePipeline().generate(declarations, new GenerationSettings(
        "https://github.com/example/checkout-service/blob/main/docs/runbooks", "https://grafana.example.com",
        Map.of("release", "prometheus"), null, null));
  }

  private static JsonNode dashboard() throws IOException {
    return JSON.readTree(files.get("grafana/dashboards/checkout.json").orElseThrow().content());
  }

  @Test
  void theExampleIsARealisticServiceWithoutAnyProblem() {
    assertEquals(List.of(), declarations.problems());
    assertEquals(List.of(), new dev.sredsl.check.DefinitionValidator().validate(declarations.services()));
    assertEquals(List.of("checkout", "refunds"), declarations.services().stream().map(s -> s.name()).toList());
  }

  @Test
  void theDashboardValidatesAgainstGrafanasSchemaAndTheLintRules() throws IOException {
    JsonNode dashboard = dashboard();

    assertEquals(List.of(), GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD));
    assertEquals(List.of(), DashboardLint.check(dashboard));
  }

  @Test
  void theDashboardHasTheGoldenSignalsDependenciesSlosDeploymentsAndRunbook() throws IOException {
    JsonNode dashboard = dashboard();
    List<String> titles = new ArrayList<>();
    dashboard.get("panels").forEach(p -> titles.add(p.get("title").asText()));

    for (String expected : List.of("Traffic", "Errors", "Latency", "Saturation: jvm-heap", "Saturation: process-cpu",
        "orders-db (database)", "availability: attainment over 30d", "latency: error budget remaining")) {
      assertTrue(titles.contains(expected), expected + " missing from " + titles);
    }
    assertEquals("Deployments", dashboard.at("/annotations/list/0/name").asText());
    assertEquals("https://github.com/example/checkout-service/blob/main/docs/runbooks/checkout.md",
        dashboard.at("/links/0/url").asText());
  }

  @Test
  void theProvisioningFileAndTheGrafanaDashboardObjectPointAtTheDashboard() throws IOException {
    JsonNode provisioning = YAML.readTree(files.get("grafana/provisioning/dashboards.yaml").orElseThrow().content());
    JsonNode object = YAML.readTree(files.get("kubernetes/checkout.grafanadashboard.yaml").orElseThrow().content());

    assertEquals(GenerationSettings.DEFAULT_DASHBOARDS_PATH, provisioning.at("/providers/0/options/path").asText());
    assertEquals(dashboard(), JSON.readTree(object.at("/spec/json").asText()));
  }

  @Test
  void theRunbookIsCommonMarkWithASectionForEveryAlert() throws IOException {
    String markdown = files.get("runbooks/checkout.md").orElseThrow().contentAsString();
    org.commonmark.node.Node document = org.commonmark.parser.Parser.builder().build().parse(markdown);
    List<String> headings = new ArrayList<>();
    document.accept(new org.commonmark.node.AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.Heading heading) {
        if (heading.getFirstChild() instanceof org.commonmark.node.Text text) {
          headings.add(text.getLiteral().toLowerCase(java.util.Locale.ROOT));
        }
      }
    });
    JsonNode rules = YAML.readTree(files.get("prometheus/checkout.rules.yml").orElseThrow().content());
    int alerts = 0;
    for (JsonNode group : rules.get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        if (rule.has("alert")) {
          alerts++;
          String url = rule.at("/annotations/runbook_url").asText();
          assertTrue(headings.contains(url.substring(url.indexOf('#') + 1)), url);
        }
      }
    }
    assertEquals(10, alerts);
  }

  @Test
  void promtoolPassesTheGeneratedRuleTestsWhichHoldThePoolAlertThroughItsKeepFiringFor(@TempDir Path work)
      throws IOException {
    dev.sredsl.testing.ExternalTool.promtool().require();
    Files.write(work.resolve("checkout.rules.yml"), files.get("prometheus/checkout.rules.yml").orElseThrow().content());
    Path tests = work.resolve("checkout.rules.test.yml");
    Files.write(tests, files.get("prometheus/checkout.rules.test.yml").orElseThrow().content());

    String text = Files.readString(tests);
    assertTrue(!text.contains("# Not tested here"), text);
    assertTrue(text.contains("  - name: CheckoutOrdersPoolExhausted keeps firing for 10m after the input turns at 22m"
        + " from hikaricp_connections_active is 1, hikaricp_connections_max is 1 to hikaricp_connections_active is 0,"
        + " hikaricp_connections_max is 1, then resolves\n"), text);
    dev.sredsl.testing.OutputValidators.promtoolTestRules(List.of(tests));
  }

  @Test
  void amtoolAcceptsTheRoutesAndEveryRoutingExpectationPasses(@TempDir Path work) throws IOException {
    Path routes = work.resolve("routes.yml");
    Files.write(routes, files.get("alertmanager/routes.yml").orElseThrow().content());
    Files.write(work.resolve("routes.tests.txt"), files.get("alertmanager/routes.tests.txt").orElseThrow().content());

    dev.sredsl.testing.OutputValidators.amtoolCheckConfig(routes);
    // Critical to payments-page, warning to payments-ticket, info to payments-chat, and the burn-rate alerts.
    dev.sredsl.testing.OutputValidators.amtoolRoutesTests(work);
    String cases = Files.readString(work.resolve("routes.tests.txt"));
    assertTrue(cases.contains("--verify.receivers=payments-ticket service=checkout severity=warning team=payments\n"),
        cases);
  }

  @Test
  void thePaymentsTeamGetsTicketsOnlyInItsBerlinOfficeHours() throws IOException {
    JsonNode config = YAML.readTree(files.get("alertmanager/routes.yml").orElseThrow().content());

    JsonNode interval = config.at("/time_intervals/0");
    assertEquals("payments-working-hours", interval.path("name").asText(), config.toString());
    assertEquals("monday:friday", interval.at("/time_intervals/0/weekdays/0").asText());
    assertEquals("09:00", interval.at("/time_intervals/0/times/0/start_time").asText());
    assertEquals("17:00", interval.at("/time_intervals/0/times/0/end_time").asText());
    assertEquals("Europe/Berlin", interval.at("/time_intervals/0/location").asText());
    JsonNode severities = config.at("/route/routes/0/routes");
    assertEquals("payments-ticket", severities.get(1).path("receiver").asText());
    assertEquals("payments-working-hours", severities.get(1).at("/active_time_intervals/0").asText());
    assertTrue(severities.get(0).path("active_time_intervals").isMissingNode(), "pages go out at any time");
    assertTrue(severities.get(2).path("active_time_intervals").isMissingNode(), "chat messages go out at any time");
  }

  @Test
  void theCatalogEntryIsABackstageComponentOwnedByTheTeam() throws IOException {
    JsonNode entity = YAML.readTree(files.get("catalog/checkout.catalog-info.yaml").orElseThrow().content());

    assertEquals("Component", entity.get("kind").asText());
    assertEquals("group:payments", entity.at("/spec/owner").asText());
    List<String> links = new ArrayList<>();
    entity.get("metadata").get("links").forEach(l -> links.add(l.get("url").asText()));
    assertTrue(links.contains("https://grafana.example.com/d/checkout"), links.toString());
  }
}
