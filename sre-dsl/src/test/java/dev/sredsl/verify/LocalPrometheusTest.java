package dev.sredsl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test harness proves itself: a designed week of history, turned into blocks by promtool and
 * served by a real Prometheus behind basic auth, answers queries with exactly the designed values;
 * a server stopped mid-test is gone; the faulty servers fail as they say. Independent of the
 * project's own Prometheus client on purpose: the harness is what that client is tested against.
 */
class LocalPrometheusTest {

  private static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant START = END.minus(Duration.ofDays(7));
  private static final Duration STEP = Duration.ofSeconds(30);
  /** Day 3, from noon, for exactly 30 minutes. */
  private static final Instant BURST = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(12));
  private static final Duration BURST_LENGTH = Duration.ofMinutes(30);
  private static final Instant GAUGE_GONE = START.plus(Duration.ofDays(6));
  private static final String USER = "verifier";
  private static final String PASSWORD = "s3cret:with-colon";

  private static final String REQUESTS = "http_server_requests_seconds_count";
  private static final String OK = REQUESTS + "{job=\"checkout\",outcome=\"SUCCESS\",uri=\"/pay\"}";
  private static final String ERRORS = REQUESTS + "{job=\"checkout\",outcome=\"SERVER_ERROR\",uri=\"/pay\"}";
  private static final String HEAP = "jvm_memory_used_bytes{job=\"checkout\",area=\"heap\"}";

  @TempDir
  static Path work;

  private static LocalPrometheus prometheus;
  private static Api api;

  @BeforeAll
  static void startOnADesignedWeek() throws IOException {
    long begin = System.nanoTime();
    History history = History.between(START, END, STEP)
        // 10 successful requests a second (the histogram's _count), 99% of them within 300 ms.
        .histogram("http_server_requests_seconds", Map.of("job", "checkout", "outcome", "SUCCESS", "uri", "/pay"),
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.3, 1.0, 5.0, 10.0, 30.0), t -> 10.0,
            (t, bound) -> bound >= 0.3 ? 0.99 : bound / 0.3 * 0.99)
        .counter(REQUESTS, Map.of("job", "checkout", "outcome", "SERVER_ERROR", "uri", "/pay"),
            t -> inBurst(t) ? 5.0 : 0.0)
        .gauge("jvm_memory_used_bytes", Map.of("job", "checkout", "area", "heap"),
            t -> t.isBefore(GAUGE_GONE) ? 1e8 + Duration.between(START, t).getSeconds() : null);
    // A second service's requests, so the week has the ~20 series a real backtest sees.
    for (String uri : List.of("/cart", "/search", "/login", "/health", "/orders")) {
      history.counter(REQUESTS, Map.of("job", "shop", "outcome", "SUCCESS", "uri", uri), t -> 3.0);
    }
    Path data = history.writeBlocks(work.resolve("history"));
    long blocks = System.nanoTime();
    prometheus = LocalPrometheus.on(data).basicAuth(USER, PASSWORD).start();
    long ready = System.nanoTime();
    api = new Api(prometheus.baseUrl(), USER, PASSWORD);
    System.out.printf("LocalPrometheusTest: %,d samples; history and blocks %d ms, prometheus ready %d ms%n",
        history.sampleCount(), (blocks - begin) / 1_000_000, (ready - blocks) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static boolean inBurst(Instant t) {
    return !t.isBefore(BURST) && t.isBefore(BURST.plus(BURST_LENGTH));
  }

  @Test
  void aConstantRateIsExactlyThatRateOnAndOffTheScrapeGrid() throws Exception {
    Instant midDay = START.plus(Duration.ofDays(3)).plus(Duration.ofHours(12));
    for (Instant at : List.of(midDay, midDay.plusSeconds(7 * 60 + 15))) {
      assertEquals(10.0, api.value("rate(" + OK + "[5m])", at), 10.0 * 1e-9, "at " + at);
    }
  }

  @Test
  void theBurstIncreasesTheErrorsByItsDesignedCount() throws Exception {
    double burst = 5.0 * BURST_LENGTH.getSeconds();
    assertEquals(burst, api.value("increase(" + ERRORS + "[1h])", BURST.plus(Duration.ofMinutes(45))), burst * 1e-9);
    assertEquals(0.0, api.value("increase(" + ERRORS + "[1h])", BURST), 1e-9, "nothing counted before the burst");
    assertEquals(0.0, api.value("increase(" + ERRORS + "[1h])", BURST.plus(Duration.ofMinutes(90))), 1e-9,
        "nothing counted after the burst");
    assertEquals(burst, api.value(ERRORS, END), 0.0, "the counter integrates from 0");
  }

  @Test
  void everyScrapeOfTheWeekIsInTheBlocks() throws Exception {
    long scrapes = Duration.between(START, END).getSeconds() / STEP.getSeconds() + 1;
    assertEquals(scrapes, api.value("count_over_time(" + OK + "[7d])", END), 0.0);
    assertEquals(10.0 * Duration.between(START, END).getSeconds(), api.value(OK, END), 0.0);
  }

  @Test
  void aGaugeThatDisappearsHasNoValueAfterwards() throws Exception {
    Instant dayFive = START.plus(Duration.ofDays(5));
    assertEquals(1e8 + Duration.ofDays(5).getSeconds(), api.value(HEAP, dayFive), 0.0);
    assertTrue(Double.isNaN(api.value(HEAP, START.plus(Duration.ofHours(6 * 24 + 12)))), "no value at day 6.5");
  }

  @Test
  void histogramBucketsGiveTheDesignedShare() throws Exception {
    String share = "sum(rate(http_server_requests_seconds_bucket{job=\"checkout\",uri=\"/pay\",le=\"0.3\"}[5m]))"
        + " / sum(rate(" + OK + "[5m]))";
    assertEquals(0.99, api.value(share, START.plus(Duration.ofDays(4))), 1e-9);
  }

  @Test
  void basicAuthIsRequired() throws Exception {
    String path = "/api/v1/query?query=up";
    assertEquals(401, api.status(path, null));
    assertEquals(401, api.status(path, USER + ":wrong"));
    assertEquals(200, api.status(path, USER + ":" + PASSWORD));
  }

  @Test
  void aServerWithoutAuthLoadsItsRulesAndStops() throws Exception {
    Path rules = Files.writeString(work.resolve("harness.rules.yml"),
        "groups:\n  - name: harness\n    rules:\n      - record: harness:one\n        expr: vector(1)\n");
    Path empty = Files.createDirectories(work.resolve("empty"));
    try (LocalPrometheus other = LocalPrometheus.on(empty).ruleFiles(rules).start()) {
      Api plain = new Api(other.baseUrl(), null, null);
      String loaded = plain.body("/api/v1/rules");
      assertTrue(loaded.contains("\"name\":\"harness:one\""), loaded);
      other.stop();
      assertFalse(other.isRunning());
      assertThrows(IOException.class, () -> plain.status("/-/ready", null));
      assertTrue(other.logTail().contains("Server is ready"), other::logTail);
    }
  }

  @Test
  void theFaultyServersFailAsTheySay() throws Exception {
    try (FaultyServers.Server login = FaultyServers.loginPage();
        FaultyServers.Server unavailable = FaultyServers.unavailable();
        FaultyServers.Server slow = FaultyServers.slow(Duration.ofSeconds(5))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(login.baseUrl().resolve("/api/v1/query?query=up"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(page.body().contains("<form"));
      assertEquals(503, http.send(HttpRequest.newBuilder(unavailable.baseUrl().resolve("/-/ready")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode());
      long begin = System.nanoTime();
      assertThrows(HttpTimeoutException.class, () -> http.send(HttpRequest.newBuilder(slow.baseUrl().resolve("/"))
          .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.discarding()));
      assertTrue(System.nanoTime() - begin < Duration.ofSeconds(4).toNanos(), "the client gave up, not the server");
      assertEquals(1, slow.requests());
    }
  }

  /** Just enough of the HTTP API to check the harness. */
  private static final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI baseUrl;
    private final String credentials;

    Api(URI baseUrl, String user, String password) {
      this.baseUrl = baseUrl;
      this.credentials = user == null ? null : user + ":" + password;
    }

    /** The instant query's only sample's value, or NaN when the result is empty. */
    double value(String promql, Instant at) throws IOException, InterruptedException {
      String path = "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
          + at.getEpochSecond();
      HttpResponse<String> response = http.send(request(path, credentials), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), () -> promql + ": " + response.body());
      JsonNode result = JSON.readTree(response.body()).path("data").path("result");
      if (result.isEmpty()) {
        return Double.NaN;
      }
      assertEquals(1, result.size(), () -> promql + " gave several series: " + result);
      return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    String body(String path) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request(path, credentials), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response::body);
      return response.body();
    }

    int status(String path, String userAndPassword) throws IOException, InterruptedException {
      return http.send(request(path, userAndPassword), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String path, String userAndPassword) {
      HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10));
      if (userAndPassword != null) {
        request.header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
      }
      return request.build();
    }
  }
}
