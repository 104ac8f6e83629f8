package dev.sredsl.generate.prometheus;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Kafka;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.presets.ThreadPool;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated promtool tests pass against the generated rules, and cover every alert both ways. */
class RuleTestsGeneratorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of());

  @TempDir
  Path work;

  private Path writeRulesAndTests(Service service) throws IOException {
    for (GeneratedFile file : new PrometheusRulesGenerator().generate(service, SETTINGS)) {
      if (file.path().startsWith("prometheus/")) {
        Files.write(work.resolve(file.path().substring("prometheus/".length())), file.content());
      }
    }
    GeneratedFile tests = new RuleTestsGenerator().generate(service, SETTINGS);
    Path path = work.resolve(tests.path().substring("prometheus/".length()));
    Files.write(path, tests.content());
    return path;
  }

  @Test
  void promtoolPassesTheGeneratedTestsOfEveryKindOfAlert() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Path tests = writeRulesAndTests(Fixtures.everything());

    ExternalTool.Run run = promtool.run("test", "rules", tests.toString());

    assertEquals(0, run.exitCode(), run.output());
  }

  @Test
  void everyAlertHasAFiringAndASilentCase() throws IOException {
    Service service = Fixtures.everything();
    GeneratedFile tests = new RuleTestsGenerator().generate(service, SETTINGS);

    assertTrue(!tests.contentAsString().contains("# Not tested here"), tests.contentAsString());
    JsonNode cases = YAML.readTree(tests.content()).get("tests");
    List<String> expected = new ArrayList<>();
    service.alerts().forEach(a -> expected.add(a.name()));
    expected.addAll(List.of("EverythingAvailabilityErrorBudgetFastBurn", "EverythingAvailabilityErrorBudgetSlowBurn",
        "EverythingLatencyErrorBudgetFastBurn", "EverythingLatencyErrorBudgetSlowBurn"));
    for (String alert : expected) {
      int firing = 0;
      int silent = 0;
      for (JsonNode c : cases) {
        JsonNode check = c.get("alert_rule_test").get(0);
        if (check.get("alertname").asText().equals(alert)) {
          if (check.get("exp_alerts").isEmpty()) {
            silent++;
          } else {
            firing++;
          }
        }
      }
      assertEquals(List.of(1, 1), List.of(firing, silent), alert);
    }
  }

  @Test
  void anAlertTheGeneratorCannotSimulateIsListedNotSilentlyDropped() {
    Service service = Fixtures.service("odd", s -> s.tier(Tier.LOW)
        .alert("DiskFillsUp", a -> a.when(promql("predict_linear(node_filesystem_free_bytes[6h], 4 * 3600) < 0"))
            .severity(Severity.TICKET)));

    String tests = new RuleTestsGenerator().generate(service, SETTINGS).contentAsString();

    assertTrue(tests.contains("# Not tested here: DiskFillsUp: the test generator cannot simulate function"
        + " predict_linear\n"), tests);
  }

  @Test
  void openTelemetryMetricsGetTestsToo() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Service otel = Fixtures.service("otel", s -> s.tier(Tier.CRITICAL).signals(OpenTelemetry.httpServer())
        .slo(Slo.availability(99)).slo(Slo.latency(Duration.ofMillis(500)).percent(95))
        .alert("OtelErrors", a -> a.when(errorRatio().above(0.02)).lasting("3m").severity(Severity.PAGE)));

    ExternalTool.Run run = promtool.run("test", "rules", writeRulesAndTests(otel).toString());

    assertEquals(0, run.exitCode(), run.output());
  }
}
