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
  void theTestsFixTheOrderOfTheGroupsToTheOrderTheirRecordingsFeedEachOther() throws IOException {
    Service service = Fixtures.everything();
    List<String> groups = PrometheusRulesGenerator.rules(service, SETTINGS).groups().stream()
        .map(RuleGroup::name).toList();
    GeneratedFile tests = new RuleTestsGenerator().generate(service, SETTINGS);

    List<String> order = new ArrayList<>();
    YAML.readTree(tests.content()).get("group_eval_order").forEach(n -> order.add(n.asText()));

    // Without the order promtool picks one at random per run, and an alert that reads a recording
    // of a later group sees the previous evaluation's value: a test that passes or fails by chance.
    assertEquals(groups, order);
    assertEquals("everything-golden-signals", order.get(0));
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

  /** Alerts of every typed kind that keep firing, for holds shorter and longer than their windows. */
  private static Service flapping(boolean keepFiring) {
    return Fixtures.service("flapping", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .saturation(Hikari.pool("orders"))
        .alert("PoolExhausted", a -> hold(a.when(signal("hikari-orders").above(0.9)).lasting("5m")
            .severity(Severity.PAGE).summary("Pool {{ $value | humanizePercentage }} in use."), "10m", keepFiring))
        .alert("ManyErrors", a -> hold(a.when(errorRatio().over("5m").above(0.05)).lasting("2m")
            .severity(Severity.PAGE).summary("Many errors."), "15m", keepFiring))
        .alert("FewRequests", a -> hold(a.when(traffic().over("10m").below(1)).severity(Severity.TICKET),
            "1m30s", keepFiring))
        .alert("SlowRequests", a -> hold(a.when(latency(0.99).over("5m").above(Duration.ofMillis(800)))
            .severity(Severity.TICKET), "3m", keepFiring))
        .alert("Down", a -> hold(a.when(promql("up{job=\"flapping\"} == 0")).severity(Severity.PAGE), "4m",
            keepFiring)));
  }

  private static dev.sredsl.dsl.AlertBuilder hold(dev.sredsl.dsl.AlertBuilder a, String hold, boolean keepFiring) {
    return keepFiring ? a.keepFiringFor(hold) : a;
  }

  @Test
  void anAlertThatKeepsFiringIsTestedThroughItsHoldAndAfterIt() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Path tests = writeRulesAndTests(flapping(true));

    ExternalTool.Run run = promtool.run("test", "rules", tests.toString());

    assertEquals(0, run.exitCode(), run.output());
    String text = Files.readString(tests);
    assertTrue(!text.contains("# Not tested here"), text);
    Map<String, List<String>> evalTimes = new java.util.TreeMap<>();
    for (JsonNode c : YAML.readTree(text).get("tests")) {
      if (c.get("name").asText().contains(" keeps firing for ")) {
        List<String> times = new ArrayList<>();
        c.get("alert_rule_test").forEach(check -> times.add(check.get("eval_time").asText()
            + (check.get("exp_alerts").isEmpty() ? " silent" : " firing")));
        evalTimes.put(c.get("alert_rule_test").get(0).get("alertname").asText(), times);
      }
    }
    // Fires at the firing case's time (window, 'for' and hold passed); a gauge's condition clears one
    // evaluation after the switch, a rate's once its window holds no sample from before it (5m + 1m),
    // an instant selector's once Prometheus' five-minute lookback no longer sees the vanished series.
    assertEquals(Map.of(
        "PoolExhausted", List.of("22m firing", "32m firing", "33m silent"),
        "ManyErrors", List.of("24m firing", "39m firing", "45m silent"),
        "FewRequests", List.of("14m firing", "16m firing", "27m silent"),
        "SlowRequests", List.of("10m firing", "13m firing", "19m silent"),
        "Down", List.of("11m firing", "15m firing", "16m silent")), evalTimes);
  }

  @Test
  void theTestOfAnAlertThatKeepsFiringFailsOnARuleThatDoesNot() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Path tests = writeRulesAndTests(flapping(true));
    for (GeneratedFile file : new PrometheusRulesGenerator().generate(flapping(false), SETTINGS)) {
      if (file.path().startsWith("prometheus/") && file.path().endsWith(".rules.yml")) {
        Files.write(work.resolve(file.path().substring("prometheus/".length())), file.content());
      }
    }

    ExternalTool.Run run = promtool.run("test", "rules", tests.toString());

    assertEquals(1, run.exitCode(), run.output());
    // FewRequests and SlowRequests hold for less than their windows take to clear, so their condition
    // may still be true when they are checked; the others are held open by keep_firing_for alone.
    for (String alert : List.of("PoolExhausted", "ManyErrors", "Down")) {
      assertTrue(run.output().contains("alertname: " + alert + ", time: "), alert + " passes without keep_firing_for:\n"
          + run.output());
    }
  }

  @Test
  void aFloorThatHoldsWhileItsWindowFillsIsCheckedSilentOnlyAfterItsHold() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    // Until the hour's window is full, rate() reads less than the steady 31/s and the floor holds: the
    // alert fires early on and, held for 30m, still fires an hour and five minutes in.
    Service service = Fixtures.service("floor", s -> s.tier(Tier.LOW).signals(Micrometer.httpServer())
        .alert("FewRequests", a -> a.when(traffic().over("1h").below(30)).lasting("5m").keepFiringFor("30m")
            .severity(Severity.TICKET)));

    ExternalTool.Run run = promtool.run("test", "rules", writeRulesAndTests(service).toString());

    assertEquals(0, run.exitCode(), run.output());
  }

  @Test
  void aHeldValueThatCannotBePredictedIsListedNotGuessed() {
    Service service = Fixtures.service("flapping", s -> s.tier(Tier.LOW).signals(Micrometer.httpServer())
        .alert("ManyErrors", a -> a.when(errorRatio().over("5m").above(0.05)).keepFiringFor("10m")
            .severity(Severity.TICKET).description("{{ $value | humanizePercentage }} of requests fail.")));

    String tests = new RuleTestsGenerator().generate(service, SETTINGS).contentAsString();

    assertTrue(tests.contains("# Not tested here: ManyErrors keeping firing: its condition clears over several"
        + " evaluations, and an annotation shows the value of the last one that held\n"), tests);
    assertTrue(tests.contains("name: ManyErrors fires when"), tests);
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
