package dev.sredsl.verify;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Tier;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.VerifyGoal;
import dev.sredsl.pipeline.VerifyOutcome;
import dev.sredsl.presets.Micrometer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sre:verify does when the server is not what it should be: behind basic auth (the right
 * credentials pass, wrong ones give the 401 line, and the password is in no output and no report), an
 * HTML login page, a server too slow to answer, a server stopped midway. Each failure is one line, and
 * the reports of the last good run stay as they were.
 */
class VerifyFaultsTest {

  static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  static final String USER = "verifier";
  static final String PASSWORD = "Pa55-word-nobody-may-see";

  @TempDir
  static Path work;

  static LocalPrometheus prometheus;

  @BeforeAll
  static void startBehindBasicAuth() throws IOException {
    History history = History.between(END.minus(Duration.ofDays(1)), END, Duration.ofSeconds(30))
        .counter("http_server_requests_seconds_count", Map.of("job", "ledger", "outcome", "SUCCESS"), t -> 4.0);
    prometheus = LocalPrometheus.on(history.writeBlocks(work.resolve("history"))).basicAuth(USER, PASSWORD).start();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  static Declarations ledger() {
    SreRegistry sre = new SreRegistry();
    sre.service("ledger", s -> s
        .owner(o -> o.team("books").onCall("books-primary").escalation("books-secondary"))
        .tier(Tier.HIGH)
        .signals(Micrometer.httpServer())
        .alert("LedgerErrors", a -> a.when(errorRatio().above(0.05)).lasting("5m").severity(Severity.PAGE)
            .summary("The ledger fails.")));
    return sre.declarations();
  }

  static VerifyOutcome verify(PrometheusApi api, Path output, List<String> progress) {
    Verification.Settings settings = new Verification.Settings(END, Duration.ofHours(12), Duration.ofMinutes(1),
        Duration.ofDays(1), null, null, 2);
    return new VerifyGoal().run(DefinitionsSource.of(ledger()), GenerationSettings.DEFAULTS, api, settings, null,
        output, progress::add);
  }

  /** Every file under {@code folder} and its text. */
  static Map<String, String> tree(Path folder) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    if (Files.exists(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          files.put(folder.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return files;
  }

  @Test
  void theRightCredentialsPassAndThePasswordIsInNoOutputAndNoReport() throws IOException {
    Path output = work.resolve("right");
    List<String> progress = new ArrayList<>();
    VerifyOutcome outcome = verify(new HttpPrometheusApi(prometheus.baseUrl(), Credentials.basic(USER, PASSWORD)),
        output, progress);
    assertEquals(1, outcome.result().services().size());
    Map<String, String> reports = tree(output);
    assertEquals(List.of("verify/.sre-manifest", "verify/sre-verify.json", "verify/sre-verify.md"),
        List.copyOf(reports.keySet()));
    List<String> everything = new ArrayList<>(reports.values());
    everything.addAll(progress);
    everything.addAll(outcome.messages());
    everything.add(outcome.result().toString());
    for (String text : everything) {
      assertFalse(text.contains(PASSWORD), "the password is in: " + text);
      assertFalse(text.contains(java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes())),
          "the encoded credentials are in: " + text);
    }
  }

  @Test
  void wrongCredentialsGiveTheOneLineOf401AndWriteNothing() throws IOException {
    Path output = work.resolve("wrong");
    PrometheusApiException refused = assertThrows(PrometheusApiException.class, () -> verify(
        new HttpPrometheusApi(prometheus.baseUrl(), Credentials.basic(USER, "not-" + PASSWORD)), output,
        new ArrayList<>()));
    assertEquals("Prometheus at " + prometheus.baseUrl().toString().replaceAll("/$", "") + " refused the credentials"
        + " (HTTP 401); check the <server> entry named by sre.prometheusServerId or the credentials variable",
        refused.getMessage());
    assertFalse(refused.getMessage().contains(PASSWORD));
    assertEquals(Map.of(), tree(output));
  }

  @Test
  void aLoginPageIsNotAPrometheus() throws IOException {
    try (FaultyServers.Server html = FaultyServers.loginPage()) {
      Path output = work.resolve("html");
      PrometheusApiException wrong = assertThrows(PrometheusApiException.class,
          () -> verify(new HttpPrometheusApi(html.baseUrl(), Credentials.none()), output, new ArrayList<>()));
      assertTrue(wrong.getMessage().contains("did not answer as a Prometheus API: got text/html"), wrong.getMessage());
      assertFalse(wrong.getMessage().contains("\n"));
      assertEquals(Map.of(), tree(output));
    }
  }

  @Test
  void aServerTooSlowTimesOutWithTheQueryNamed() throws IOException {
    try (FaultyServers.Server slow = FaultyServers.slow(Duration.ofSeconds(5))) {
      Path output = work.resolve("slow");
      PrometheusApiException late = assertThrows(PrometheusApiException.class, () -> verify(
          new HttpPrometheusApi(slow.baseUrl(), Credentials.none(), Duration.ofMillis(300), 2, 0), output,
          new ArrayList<>()));
      assertTrue(late.getMessage().contains("did not answer within 300ms"), late.getMessage());
      assertEquals(Map.of(), tree(output));
    }
  }

  @Test
  void aServerStoppedMidwayLeavesTheLastGoodReportsAsTheyWere() throws IOException {
    History history = History.between(END.minus(Duration.ofDays(1)), END, Duration.ofSeconds(30))
        .counter("http_server_requests_seconds_count", Map.of("job", "ledger", "outcome", "SUCCESS"), t -> 4.0);
    Path output = work.resolve("midway");
    try (LocalPrometheus doomed = LocalPrometheus.on(history.writeBlocks(work.resolve("doomed"))).start()) {
      HttpPrometheusApi api = new HttpPrometheusApi(doomed.baseUrl(), Credentials.none(), Duration.ofSeconds(5), 2, 0);
      verify(api, output, new ArrayList<>());
      Map<String, String> lastGood = tree(output);
      assertEquals(3, lastGood.size(), lastGood.keySet().toString());
      AtomicInteger calls = new AtomicInteger();
      PrometheusApi stopsAfterFive = new StoppingApi(api, () -> {
        if (calls.incrementAndGet() == 5) {
          doomed.stop();
        }
      });
      PrometheusApiException gone = assertThrows(PrometheusApiException.class,
          () -> verify(stopsAfterFive, output, new ArrayList<>()));
      // A query in flight while Prometheus shuts down gets its 503; the ones after find nobody listening.
      assertTrue(gone.getMessage().contains("is unreachable") || gone.getMessage().contains("failed with HTTP 503"),
          gone.getMessage());
      assertTrue(calls.get() > 5, "the run went on after the server stopped");
      assertEquals(lastGood, tree(output), "a failed run changed the reports");
    }
  }

  /** Runs {@code before} ahead of every call, then passes it on. */
  private record StoppingApi(PrometheusApi api, Runnable before) implements PrometheusApi {
    @Override
    public String describe() {
      return api.describe();
    }

    @Override
    public List<Sample> query(String promql, Instant time) {
      before.run();
      return api.query(promql, time);
    }

    @Override
    public List<RangeSeries> queryRange(String promql, Instant start, Instant end, Duration step) {
      before.run();
      return api.queryRange(promql, start, end, step);
    }

    @Override
    public List<Map<String, String>> series(String selector, Instant start, Instant end) {
      before.run();
      return api.series(selector, start, end);
    }

    @Override
    public Optional<String> config() {
      before.run();
      return api.config();
    }

    @Override
    public Optional<Duration> retention() {
      before.run();
      return api.retention();
    }
  }
}
