package dev.sredsl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sredsl.verify.PrometheusApi.Point;
import dev.sredsl.verify.PrometheusApi.RangeSeries;
import dev.sredsl.verify.PrometheusApi.Sample;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpPrometheusApi} against a fake Prometheus: a JDK {@code HttpServer} on a free loopback
 * port whose answers each test chooses, and which records every request it gets.
 */
class HttpPrometheusApiTest {

  /** 2024-11-29T00:00:00Z. */
  private static final Instant T = Instant.ofEpochSecond(1_732_838_400L);

  private static final String PASSWORD = "pw-Zq8K-must-never-show";
  private static final String TOKEN = "tok-Xv3M-must-never-show";
  private static final Duration FAST_BACKOFF = Duration.ofMillis(1);

  private FakePrometheus fake;

  @BeforeEach
  void start() throws IOException {
    fake = new FakePrometheus();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private HttpPrometheusApi api(String path) {
    return api(path, Credentials.none(), Duration.ofSeconds(5), 2);
  }

  private HttpPrometheusApi api(String path, Credentials credentials, Duration timeout, int retries) {
    return new HttpPrometheusApi(fake.url(path), credentials, timeout, 4, retries, FAST_BACKOFF);
  }

  private static String message(Runnable call) {
    return assertThrows(PrometheusApiException.class, call::run).getMessage();
  }

  // ---- answers that parse

  @Test
  void instantQueryIsAFormPostUnderThePathPrefixAndParsesAVector() {
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{\"__name__\":\"up\",\"job\":\"api\"},\"value\":[1732838400.123,\"1\"]},"
        + "{\"metric\":{\"job\":\"db\"},\"value\":[1732838400.123,\"NaN\"]},"
        + "{\"metric\":{\"job\":\"web\"},\"value\":[1732838400.123,\"+Inf\"]}]}}"));

    List<Sample> samples = api("/prometheus/").query("sum by (job) (rate(x_total[5m])) > 0", T.plusMillis(123));

    assertEquals(List.of(
        new Sample(Map.of("__name__", "up", "job", "api"), 1.0),
        new Sample(Map.of("job", "db"), Double.NaN),
        new Sample(Map.of("job", "web"), Double.POSITIVE_INFINITY)), samples);
    Request request = fake.only();
    assertEquals("POST /prometheus/api/v1/query", request.method() + " " + request.path());
    assertEquals("application/x-www-form-urlencoded", request.contentType());
    assertEquals(Map.of("query", "sum by (job) (rate(x_total[5m])) > 0", "time", "1732838400.123",
        "timeout", "5.000"), request.form());
    assertEquals(null, request.authorization());
  }

  @Test
  void scalarIsOneSampleWithoutLabels() {
    fake.answer(request -> Reply.json(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1732838400,\"0.25\"]}}"));

    assertEquals(List.of(new Sample(Map.of(), 0.25)), api("").query("scalar(up)", T));
  }

  @Test
  void timesAreSentWithAPointWhateverTheLocale() {
    fake.answer(request -> Reply.json(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertEquals(List.of(), api("").query("up", T.plusMillis(5)));
      assertEquals(List.of(), api("").query("up", Instant.ofEpochMilli(7)));
    } finally {
      Locale.setDefault(before);
    }
    assertEquals("1732838400.005", fake.requests.get(0).form().get("time"));
    assertEquals("0.007", fake.requests.get(1).form().get("time"));
  }

  @Test
  void rangeQueryParsesAMatrixWithSpecialValues() {
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        + "{\"metric\":{\"job\":\"api\"},\"values\":[[1732838400,\"1.5\"],[1732838460.5,\"-Inf\"]]},"
        + "{\"metric\":{\"job\":\"db\"},\"values\":[[1732838460.5,\"NaN\"]]}]}}"));

    List<RangeSeries> series = api("/").queryRange("rate(x_total[5m])", T, T.plusSeconds(120),
        Duration.ofMillis(60_500));

    assertEquals(List.of(
        new RangeSeries(Map.of("job", "api"), List.of(
            new Point(1_732_838_400_000L, 1.5), new Point(1_732_838_460_500L, Double.NEGATIVE_INFINITY))),
        new RangeSeries(Map.of("job", "db"), List.of(new Point(1_732_838_460_500L, Double.NaN)))), series);
    Request request = fake.only();
    assertEquals("POST /api/v1/query_range", request.method() + " " + request.path());
    assertEquals(Map.of("query", "rate(x_total[5m])", "start", "1732838400.000", "end", "1732838520.000",
        "step", "60.500", "timeout", "5.000"), request.form());
  }

  @Test
  void rangeOfMorePointsThanAllowedIsSplitIntoContiguousWindowsAndJoined() {
    // Answers every step of the window asked for: job "a" always, job "b" only in the second window.
    fake.answer(request -> {
      long start = millis(request.form().get("start"));
      long end = millis(request.form().get("end"));
      long step = millis(request.form().get("step"));
      StringBuilder a = new StringBuilder();
      for (long t = start; t <= end; t += step) {
        a.append(a.length() == 0 ? "" : ",").append("[").append(seconds(t)).append(",\"")
            .append((t - T.toEpochMilli()) / step).append("\"]");
      }
      String b = start == T.plusSeconds(11_000).toEpochMilli()
          ? ",{\"metric\":{\"job\":\"b\"},\"values\":[[" + seconds(start) + ",\"7\"]]}"
          : "";
      return Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
          + "{\"metric\":{\"job\":\"a\"},\"values\":[" + a + "]}" + b + "]}}");
    });

    // 25,000 points: windows of 11,000, 11,000 and 3,000.
    List<RangeSeries> series = api("").queryRange("x", T, T.plusSeconds(24_999), Duration.ofSeconds(1));

    List<String> windows = new ArrayList<>();
    for (Request request : fake.requests) {
      windows.add(request.form().get("start") + ".." + request.form().get("end") + "/" + request.form().get("step"));
    }
    assertEquals(List.of(
        "1732838400.000..1732849399.000/1.000",
        "1732849400.000..1732860399.000/1.000",
        "1732860400.000..1732863399.000/1.000"), windows);
    assertEquals(2, series.size());
    assertEquals(Map.of("job", "a"), series.get(0).labels());
    List<Point> points = series.get(0).points();
    assertEquals(25_000, points.size());
    for (int i = 0; i < points.size(); i++) {
      assertEquals(new Point(T.toEpochMilli() + i * 1000L, i), points.get(i), "point " + i);
    }
    assertEquals(new RangeSeries(Map.of("job", "b"), List.of(new Point(T.plusSeconds(11_000).toEpochMilli(), 7))),
        series.get(1));
  }

  @Test
  void rangeSplitsOnlyPastElevenThousandPointsAndKeepsAnOffGridEnd() {
    fake.answer(request -> Reply.json(200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));

    api("").queryRange("x", T, T.plusSeconds(10_999), Duration.ofSeconds(1));
    assertEquals(1, fake.requests.size());
    assertEquals("1732849399.000", fake.requests.get(0).form().get("end"));

    fake.requests.clear();
    api("").queryRange("x", T, T.plusMillis(11_000_500), Duration.ofSeconds(1));
    assertEquals(2, fake.requests.size());
    assertEquals("1732849399.000", fake.requests.get(0).form().get("end"));
    assertEquals("1732849400.000", fake.requests.get(1).form().get("start"));
    assertEquals("1732849400.500", fake.requests.get(1).form().get("end"));
  }

  @Test
  void seriesPostsTheSelectorAndTheRange() {
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":["
        + "{\"__name__\":\"up\",\"job\":\"api\"},{\"__name__\":\"up\",\"job\":\"db\"}]}"));

    List<Map<String, String>> sets = api("/prom").series("up{job=~\"api|db\"}", T, T.plusSeconds(3600));

    assertEquals(List.of(Map.of("__name__", "up", "job", "api"), Map.of("__name__", "up", "job", "db")), sets);
    Request request = fake.only();
    assertEquals("POST /prom/api/v1/series", request.method() + " " + request.path());
    assertEquals(Map.of("match[]", "up{job=~\"api|db\"}", "start", "1732838400.000", "end", "1732842000.000"),
        request.form());
  }

  @Test
  void configIsTheYamlOrEmptyWhenTheServerHidesIt() {
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  a: 1\\n\"}}"));
    assertEquals(Optional.of("global:\n  a: 1\n"), api("/p").config());
    assertEquals("GET /p/api/v1/status/config", fake.only().method() + " " + fake.only().path());

    fake.answer(request -> new Reply(404, "text/plain", "404 page not found"));
    assertEquals(Optional.empty(), api("/p").config());
    fake.answer(request -> new Reply(403, "text/plain", "forbidden"));
    assertEquals(Optional.empty(), api("/p").config());
  }

  @Test
  void retentionIsTheFlagUnlessUnsetOrUnknown() {
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":"
        + "{\"storage.tsdb.retention.time\":\"15d\",\"web.enable-lifecycle\":\"true\"}}"));
    assertEquals(Optional.of(Duration.ofDays(15)), api("").retention());
    assertEquals("GET /api/v1/status/flags", fake.only().method() + " " + fake.only().path());

    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":"
        + "{\"storage.tsdb.retention.time\":\"0s\",\"storage.tsdb.retention\":\"0s\"}}"));
    assertEquals(Optional.empty(), api("").retention());
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":"
        + "{\"storage.tsdb.retention.time\":\"0s\",\"storage.tsdb.retention\":\"1y2w\"}}"));
    assertEquals(Optional.of(Duration.ofDays(379)), api("").retention());
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"query.timeout\":\"2m\"}}"));
    assertEquals(Optional.empty(), api("").retention());
    fake.answer(request -> new Reply(404, "text/plain", "404 page not found"));
    assertEquals(Optional.empty(), api("").retention());
  }

  // ---- failures, each one line

  @Test
  void refusedCredentialsSayWhatToCheck() {
    fake.answer(request -> new Reply(401, "text/plain", "Unauthorized", Map.of("WWW-Authenticate", "Basic")));
    HttpPrometheusApi api = api("/", Credentials.basic("alice", PASSWORD), Duration.ofSeconds(5), 2);
    assertEquals("Prometheus at " + fake.url("/") + " refused the credentials (HTTP 401); check the <server> entry"
        + " named by sre.prometheusServerId or the credentials variable", message(() -> api.query("up", T)));
    assertEquals(1, fake.requests.size(), "a 4xx is not retried");

    fake.answer(request -> new Reply(403, "text/plain", "Forbidden"));
    assertEquals("Prometheus at " + fake.url("/") + " refused the credentials (HTTP 403); check the <server> entry"
        + " named by sre.prometheusServerId or the credentials variable", message(() -> api.query("up", T)));

    fake.answer(request -> new Reply(401, "text/plain", "Unauthorized"));
    assertEquals("Prometheus at " + fake.url("") + " requires credentials (HTTP 401) and none were given; add a"
        + " <server> entry named by sre.prometheusServerId or set the credentials variable",
        message(() -> api("").query("up", T)));
  }

  @Test
  void anHtmlLoginPageIsNotAPrometheus() {
    fake.answer(request -> new Reply(200, "text/html; charset=utf-8",
        "<!DOCTYPE html>\n<html><body><form action=\"/login\">Sign in</form></body></html>"));

    assertEquals("Prometheus at " + fake.url("/prometheus") + " did not answer as a Prometheus API: got text/html"
        + " from /api/v1/query; is sre.prometheusUrl the server's base URL?",
        message(() -> api("/prometheus").query("up", T)));
  }

  @Test
  void otherJsonAndNotFoundAreNotAPrometheus() {
    fake.answer(request -> Reply.json(200, "{\"message\":\"hello\"}"));
    assertEquals("Prometheus at " + fake.url("") + " did not answer as a Prometheus API: got JSON without"
        + " Prometheus' status field from /api/v1/query; is sre.prometheusUrl the server's base URL?",
        message(() -> api("").query("up", T)));

    fake.answer(request -> new Reply(404, "text/plain; charset=utf-8", "404 page not found"));
    assertEquals("Prometheus at " + fake.url("") + " did not answer as a Prometheus API: got HTTP 404 with"
        + " text/plain from /api/v1/query_range; is sre.prometheusUrl the server's base URL?",
        message(() -> api("").queryRange("up", T, T.plusSeconds(60), Duration.ofSeconds(15))));
  }

  @Test
  void aResultOfTheWrongTypeIsNamed() {
    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
        + "\"result\":[{\"metric\":{},\"values\":[[1,\"1\"]]}]}}"));
    assertEquals("Prometheus at " + fake.url("") + " answered a matrix where an instant query needs a vector or scalar"
        + " for query: up[5m]", message(() -> api("").query("up[5m]", T)));

    fake.answer(request -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
        + "\"result\":[{\"metric\":{},\"value\":[1,\"one\"]}]}}"));
    assertEquals("Prometheus at " + fake.url("") + " answered a malformed vector: a sample value that is not a"
        + " number: one for query: up", message(() -> api("").query("up", T)));
  }

  @Test
  void aRedirectIsReportedNotFollowed() {
    fake.answer(request -> new Reply(302, "text/html", "", Map.of("Location", "https://sso.example/login")));

    assertEquals("Prometheus at " + fake.url("") + " answered /api/v1/query with a redirect (HTTP 302) to"
        + " https://sso.example/login; is sre.prometheusUrl the server's base URL, or does a login page stand in"
        + " front of it?", message(() -> api("").query("up", T)));
    assertEquals(1, fake.requests.size());
  }

  @Test
  void aRejectedQueryIsNamedOnOneShortLineAndNotRetried() {
    fake.answer(request -> Reply.json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
        + "\"error\":\"1:5: parse error:\\nunexpected end of input\"}"));

    assertEquals("Prometheus at " + fake.url("") + " rejected the query sum( up: bad_data: 1:5: parse error:"
        + " unexpected end of input", message(() -> api("").query("sum(\n up", T)));
    assertEquals(1, fake.requests.size());

    String longError = "x".repeat(5000);
    fake.answer(request -> Reply.json(422,
        "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"" + longError + "\"}"));
    String message = message(() -> api("").query("a / b", T));
    assertTrue(message.startsWith("Prometheus at " + fake.url("") + " rejected the query a / b: execution: xxx"),
        message);
    assertTrue(message.endsWith("x..."), message);
    assertTrue(message.length() < 500, "cut to a sane length: " + message.length());
  }

  @Test
  void serverErrorsAndOverloadAreRetriedUntilAnAnswer() {
    AtomicInteger calls = new AtomicInteger();
    fake.answer(request -> switch (calls.incrementAndGet()) {
      case 1 -> new Reply(503, "text/html", "<html>Service Unavailable</html>");
      case 2 -> new Reply(429, "text/plain", "slow down");
      default -> Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"3\"]}}");
    });

    assertEquals(List.of(new Sample(Map.of(), 3)), api("", Credentials.none(), Duration.ofSeconds(5), 2)
        .query("vector(3)", T));
    assertEquals(3, fake.requests.size());
  }

  @Test
  void aServerThatKeepsFailingGivesOneLineAfterEveryAttempt() {
    fake.answer(request -> Reply.json(503,
        "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"too many queries\"}"));

    assertEquals("Prometheus at " + fake.url("") + " failed with HTTP 503 (3 attempts) for query: up: unavailable:"
        + " too many queries", message(() -> api("", Credentials.none(), Duration.ofSeconds(5), 2).query("up", T)));
    assertEquals(3, fake.requests.size());

    fake.requests.clear();
    fake.answer(request -> new Reply(502, "text/html", "<html>Bad Gateway</html>"));
    assertEquals("Prometheus at " + fake.url("") + " failed with HTTP 502 for /api/v1/status/flags",
        message(() -> api("", Credentials.none(), Duration.ofSeconds(5), 0).retention()));
    assertEquals(1, fake.requests.size());
  }

  @Test
  void aServerSlowerThanTheTimeoutGivesOneLineAfterEveryAttempt() {
    fake.answer(request -> {
      Thread.sleep(3_000);
      return Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    });
    long started = System.nanoTime();

    assertEquals("Prometheus at " + fake.url("") + " did not answer within 300ms (2 attempts) for query: up",
        message(() -> api("", Credentials.none(), Duration.ofMillis(300), 1).query("up", T)));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(tookMillis >= 550 && tookMillis < 2_500, "took " + tookMillis + " ms");
    assertEquals(2, fake.requests.size());
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpPrometheusApi api = new HttpPrometheusApi(URI.create("http://127.0.0.1:" + port + "/"), Credentials.none(),
        Duration.ofSeconds(2), 4, 3, FAST_BACKOFF);

    assertEquals("Prometheus at http://127.0.0.1:" + port + "/ is unreachable: connection refused; check"
        + " sre.prometheusUrl", message(() -> api.query("up", T)));
  }

  @Test
  void noMoreRequestsThanTheBoundAreInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    fake.answer(request -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Thread.sleep(100);
      // Counted out before the answer leaves, so the client cannot start another request before this one is out.
      inFlight.decrementAndGet();
      return Reply.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    });

    assertEquals(3, mostInFlight(new HttpPrometheusApi(fake.url(""), Credentials.none(), Duration.ofSeconds(5), 3,
        0, FAST_BACKOFF), most));
    assertEquals(4, mostInFlight(new HttpPrometheusApi(fake.url(""), Credentials.none()), most));
    assertEquals(40, fake.requests.size());
  }

  /** Runs 20 queries on 20 threads at once; the most requests the fake saw at the same time. */
  private static int mostInFlight(HttpPrometheusApi api, AtomicInteger most) throws Exception {
    most.set(0);
    ExecutorService threads = Executors.newFixedThreadPool(20);
    try {
      List<Future<List<Sample>>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String query = "vector(" + i + ")";
        results.add(threads.submit(() -> api.query(query, T)));
      }
      for (Future<List<Sample>> result : results) {
        assertEquals(List.of(), result.get(10, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    return most.get();
  }

  // ---- secrets

  @Test
  void credentialsGiveTheHeaderAndShowNoSecret() {
    String basic = "Basic " + base64("alice:" + PASSWORD);
    assertEquals(Optional.of(basic), Credentials.basic("alice", PASSWORD).authorizationHeader());
    assertEquals(Optional.of("Bearer " + TOKEN), Credentials.bearer(TOKEN + "\n").authorizationHeader());
    assertEquals(Optional.empty(), Credentials.none().authorizationHeader());
    assertEquals("basic auth as 'alice'", Credentials.basic("alice", PASSWORD).toString());
    assertEquals("bearer token", Credentials.bearer(TOKEN).toString());
    assertEquals("no credentials", Credentials.none().toString());
    assertEquals(Credentials.bearer(TOKEN), Credentials.bearer(" " + TOKEN));
    assertFalse(Credentials.bearer(TOKEN).equals(Credentials.bearer(TOKEN + "x")));

    String badToken = assertThrows(IllegalArgumentException.class, () -> Credentials.bearer(TOKEN + " x"))
        .getMessage();
    assertNoSecret(badToken);
    String badUser = assertThrows(IllegalArgumentException.class, () -> Credentials.basic("a:b", PASSWORD))
        .getMessage();
    assertNoSecret(badUser);
  }

  @Test
  void secretsAppearInNoMessageEvenWhenTheServerEchoesThem() {
    // A hostile or careless server that quotes the Authorization header back in every kind of answer.
    fake.answer(request -> {
      String echo = String.valueOf(request.authorization());
      return switch (request.form().getOrDefault("query", "")) {
        case "bad" -> Reply.json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + echo + "\"}");
        case "down" -> Reply.json(500, "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"" + echo + "\"}");
        case "html" -> new Reply(200, "text/html", "<p>" + echo + "</p>");
        case "moved" -> new Reply(301, "text/plain", "", Map.of("Location", "https://x.example/?h=" + echo));
        default -> new Reply(401, "text/plain", echo);
      };
    });
    List<String> texts = new ArrayList<>();
    List<HttpPrometheusApi> apis = List.of(
        api("/", Credentials.basic("alice", PASSWORD), Duration.ofSeconds(5), 0),
        api("/", Credentials.bearer(TOKEN), Duration.ofSeconds(5), 0),
        new HttpPrometheusApi(URI.create("http://alice:" + PASSWORD + "@127.0.0.1:" + fake.port() + "/p"),
            Credentials.none(), Duration.ofSeconds(5), 4, 0, FAST_BACKOFF));
    for (HttpPrometheusApi api : apis) {
      texts.add(api.toString());
      texts.add(api.describe());
      for (String query : List.of("bad", "down", "html", "moved", "deny")) {
        texts.add(message(() -> api.query(query, T)));
      }
    }

    assertEquals("Prometheus at " + fake.url("/") + " rejected the query bad: bad_data: Bearer ***", texts.get(9));
    assertEquals("Prometheus at " + fake.url("/p") + " (basic auth as 'alice')", texts.get(14));
    assertEquals(fake.url("/p").toString(), texts.get(15));
    assertEquals("Basic " + base64("alice:" + PASSWORD), fake.requests.get(fake.requests.size() - 1).authorization(),
        "the URL's user info is used as credentials");
    assertEquals(21, texts.size());
    for (String text : texts) {
      assertNoSecret(text);
      assertFalse(text.contains("\n") || text.contains("\r"), text);
    }
  }

  private static void assertNoSecret(String text) {
    for (String secret : List.of(PASSWORD, TOKEN, base64("alice:" + PASSWORD))) {
      assertFalse(text.contains(secret), "a secret in: " + text);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long millis(String seconds) {
    return new BigDecimal(seconds).movePointRight(3).longValueExact();
  }

  private static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).toPlainString();
  }

  // ---- the fake server

  /** A request as the fake saw it; {@code form} holds the decoded POST body. */
  private record Request(String method, String path, String contentType, String authorization,
      Map<String, String> form) {}

  /** What the fake answers. */
  private record Reply(int status, String contentType, String body, Map<String, String> headers) {

    Reply(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }
  }

  private interface Responder {
    Reply reply(Request request) throws Exception;
  }

  /** A fake Prometheus on a free loopback port; answers every path with what the test chose. */
  private static final class FakePrometheus implements AutoCloseable {

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpServer server;
    private volatile Responder responder = request -> new Reply(500, "text/plain", "no answer chosen");

    FakePrometheus() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(pool);
      server.createContext("/", this::handle);
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    URI url(String path) {
      return URI.create("http://127.0.0.1:" + port() + path);
    }

    void answer(Responder next) {
      responder = next;
    }

    /** The one request so far. */
    Request only() {
      assertEquals(1, requests.size(), "requests");
      return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
      try {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"), form(body));
        requests.add(request);
        Reply reply = responder.reply(request);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // The client gave up (a timeout) or the fake is closing; nothing to answer.
      } finally {
        exchange.close();
      }
    }

    private static Map<String, String> form(String body) {
      Map<String, String> form = new LinkedHashMap<>();
      if (!body.isEmpty()) {
        for (String pair : body.split("&")) {
          int eq = pair.indexOf('=');
          form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return form;
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
