package dev.sredsl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.VectorSelector;
import dev.sredsl.testing.ExampleProjects;
import dev.sredsl.testing.ExternalTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules generated for {@code examples/checkout-service}, as generated, in a real Prometheus that
 * scrapes a real Micrometer-instrumented service every second: the recording rules see the traffic
 * and the error ratio, nothing alerts while the service is healthy, and once half the requests fail
 * the error-rate alert goes pending, then fires within its 'for' plus a bounded slack, with its
 * routing labels and runbook link. Takes about three minutes.
 */
class PrometheusEndToEndTest {

  private static final int REQUESTS_PER_SECOND = 40;
  private static final Duration ERROR_ALERT_FOR = Duration.ofMinutes(2);
  private static final Duration SLACK = Duration.ofSeconds(30);
  private static final Duration TARGETS_DOWN_FOR = Duration.ofSeconds(20);

  @TempDir
  Path work;

  @Test
  void theGeneratedRulesRecordAndAlertOnARealService() throws Exception {
    Path prometheusBinary = ExternalTool.prometheus().require();
    Declarations example = ExampleProjects.load("checkout-service", work.resolve("example"));
    Declarations declarations = new Declarations(example.services().stream()
        .map(PrometheusEndToEndTest::targetsDownAfterTwentySeconds).toList(), example.problems());
    GeneratedFiles files = new SrePipeline().generate(declarations, new GenerationSettings(
        "https://github.com/example/checkout-service/blob/main/docs/runbooks", "https://grafana.example.com",
        Map.of()));
    Path rules = work.resolve("checkout.rules.yml");
    Files.write(rules, files.get("prometheus/checkout.rules.yml").orElseThrow().content());

    ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    HttpClient client = HttpClient.newHttpClient();
    try (InstrumentedService service = new InstrumentedService()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/checkout"))
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      load.scheduleAtFixedRate(() -> {
        try {
          client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception stopped) {
          // the service is gone: the test is over
        }
      }, 0, 1000 / REQUESTS_PER_SECOND, TimeUnit.MILLISECONDS);

      try (PrometheusServer prometheus = new PrometheusServer(prometheusBinary, work, rules, service.port())) {
        prometheus.awaitReady(Duration.ofSeconds(30));
        // Micrometer registers the request timer with the first request: by now there were many.
        everyMetricThePresetsQueryIsScraped(files, service.scrape());
        healthy(prometheus);
        failing(prometheus, service);
        targetDown(prometheus, service);
      }
    } finally {
      load.shutdownNow();
      load.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Every raw metric the rules read (the presets' series) is in the service's own scrape. */
  private static void everyMetricThePresetsQueryIsScraped(GeneratedFiles files, String scrape) throws Exception {
    JsonNode groups = new ObjectMapper(new YAMLFactory())
        .readTree(files.get("prometheus/checkout.rules.yml").orElseThrow().content()).get("groups");
    Set<String> raw = new TreeSet<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.get("rules")) {
        ExprTree.walk(PromQL.parse(rule.get("expr").asText()), (Expr node) -> {
          // up is written by Prometheus itself, for every target.
          if (node instanceof VectorSelector v && v.name() != null && !v.name().contains(":") && !v.name().equals("up")) {
            raw.add(v.name());
          }
        });
      }
    }
    assertTrue(raw.containsAll(Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
        "hikaricp_connections_active", "jvm_memory_used_bytes", "process_cpu_usage")), raw.toString());
    for (String metric : raw) {
      assertTrue(scrape.contains("\n" + metric + "{") || scrape.contains("\n" + metric + " "),
          "the rules read " + metric + ", which the instrumented service does not expose");
    }
  }

  private static void healthy(PrometheusServer prometheus) throws Exception {
    String traffic = "service:http_server_requests:rate5m{service=\"checkout\"}";
    waitFor(Duration.ofSeconds(60), () -> prometheus.value(traffic) > 0);
    Thread.sleep(10_000);
    double recorded = prometheus.value(traffic);
    double raw = prometheus.value("sum(rate(http_server_requests_seconds_count{job=\"checkout\"}[5m]))");
    // The recording and the raw query are evaluated up to one second apart: 5% covers one scrape.
    assertEquals(raw, recorded, raw * 0.05, "recorded traffic");
    assertEquals(0.0, prometheus.value("service:http_server_requests_errors_per_requests:ratio_rate5m"
        + "{service=\"checkout\"}"), 0.0, "error ratio while healthy");
    JsonNode active = prometheus.alerts();
    assertEquals(0, active.size(), "no alert may be pending or firing while the service is healthy: " + active);
  }

  private static void failing(PrometheusServer prometheus, InstrumentedService service) throws Exception {
    long errorsStart = System.nanoTime();
    service.failing.set(true);
    JsonNode pending = waitForAlert(prometheus, "pending", Duration.ofSeconds(60));
    double pendingAfter = (System.nanoTime() - errorsStart) / 1e9;
    JsonNode firing = waitForAlert(prometheus, "firing", ERROR_ALERT_FOR.plus(SLACK).plus(Duration.ofSeconds(30)));
    double firingAfter = (System.nanoTime() - errorsStart) / 1e9;
    System.out.printf(java.util.Locale.ROOT, "CheckoutHighErrorRate: pending %.1fs and firing %.1fs after the errors"
        + " began (for: %ds)%n", pendingAfter, firingAfter, ERROR_ALERT_FOR.toSeconds());
    assertTrue(firingAfter <= ERROR_ALERT_FOR.plus(SLACK).toSeconds() + pendingAfter,
        "fired " + firingAfter + "s after the errors began, later than 'for' plus " + SLACK.toSeconds() + "s of slack");
    assertEquals("critical", firing.at("/labels/severity").asText());
    assertEquals("checkout", firing.at("/labels/service").asText());
    assertEquals("payments", firing.at("/labels/team").asText());
    assertEquals("https://github.com/example/checkout-service/blob/main/docs/runbooks/checkout.md#checkouthigherrorrate",
        firing.at("/annotations/runbook_url").asText());
    double ratio = prometheus.value("service:http_server_requests_errors_per_requests:ratio_rate5m{service=\"checkout\"}");
    assertTrue(ratio > 0.05 && ratio <= 0.5, "error ratio while failing: " + ratio);
    assertTrue(pending.size() > 0);
  }

  /**
   * The service's HTTP server stops (Prometheus keeps running): its only target is down, and
   * CheckoutTargetsDown goes pending at the next evaluation, then fires after its wait.
   */
  private static void targetDown(PrometheusServer prometheus, InstrumentedService service) throws Exception {
    long stoppedAt = System.nanoTime();
    service.stopServing();
    JsonNode pending = waitForAlert(prometheus, "CheckoutTargetsDown", "pending", Duration.ofSeconds(15));
    JsonNode firing = waitForAlert(prometheus, "CheckoutTargetsDown", "firing",
        TARGETS_DOWN_FOR.plus(SLACK).plus(Duration.ofSeconds(15)));
    double firingAfter = (System.nanoTime() - stoppedAt) / 1e9;
    System.out.printf(java.util.Locale.ROOT, "CheckoutTargetsDown: firing %.1fs after the server stopped (for: %ds)%n",
        firingAfter, TARGETS_DOWN_FOR.toSeconds());
    assertTrue(firingAfter >= TARGETS_DOWN_FOR.toSeconds(), "fired before its wait: " + firingAfter + "s");
    assertEquals("pending", pending.path("state").asText());
    assertEquals("critical", firing.at("/labels/severity").asText());
    assertEquals("checkout", firing.at("/labels/service").asText());
    assertEquals("payments", firing.at("/labels/team").asText());
    assertEquals("https://github.com/example/checkout-service/blob/main/docs/runbooks/checkout.md#checkouttargetsdown",
        firing.at("/annotations/runbook_url").asText());
    assertEquals("Only 0% of checkout's scrape targets are up.", firing.at("/annotations/summary").asText());
  }

  /**
   * The example's checkout as if it declared {@code .targetsDownAfter(Duration.ofSeconds(20))}: the
   * default five minutes would more than double the test's time for no more evidence.
   */
  private static dev.sredsl.model.Service targetsDownAfterTwentySeconds(dev.sredsl.model.Service s) {
    return new dev.sredsl.model.Service(s.name(), s.description(), s.tier(), s.owner(), s.selector(), s.requests(),
        s.signals(), s.dependencies(), s.slos(), s.alerts(), s.panels(), s.deployments(), s.waivers(),
        s.missingDataAlertsOff(), TARGETS_DOWN_FOR, s.riskAcknowledgements());
  }

  private static JsonNode waitForAlert(PrometheusServer prometheus, String state, Duration timeout) throws Exception {
    return waitForAlert(prometheus, "CheckoutHighErrorRate", state, timeout);
  }

  private static JsonNode waitForAlert(PrometheusServer prometheus, String name, String state, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode alert : prometheus.alerts()) {
        if (name.equals(alert.at("/labels/alertname").asText()) && state.equals(alert.path("state").asText())) {
          return alert;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " was not " + state + " within " + timeout.toSeconds() + "s: "
        + prometheus.alerts());
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void waitFor(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("condition not met within " + timeout.toSeconds() + "s");
  }
}
