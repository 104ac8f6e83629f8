package dev.sredsl.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.promql.PromDuration;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PrometheusApi} over HTTP with the JDK's client: Prometheus, Thanos Query, or Mimir under its
 * Prometheus path (give the base URL with the prefix, e.g. {@code https://mimir.example/prometheus}).
 *
 * <p>Queries, range queries and series lookups are form-encoded POSTs, so that no query is too long
 * for a URL; status endpoints are GETs. At most {@code maxConcurrentQueries} requests are in flight at
 * once, however many threads share the instance. A request that times out, breaks off, or is answered
 * with HTTP 5xx or 429 is sent again after a pause that doubles each time (0.5 s, 1 s, 2 s, ...); one
 * answered with 4xx is not. Every failure is a {@link PrometheusApiException} with one line that names
 * the server and, for a query, the query; no message holds the password or token.
 *
 * <p>Thread-safe.
 */
public final class HttpPrometheusApi implements PrometheusApi {

  /** How long a request may take when not told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** How many requests may be in flight at once when not told otherwise. */
  public static final int DEFAULT_MAX_CONCURRENT_QUERIES = 4;

  /** How many times a failed request is sent again when not told otherwise. */
  public static final int DEFAULT_RETRIES = 3;

  /** The first pause before sending a request again; each further pause doubles. */
  static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

  private static final String QUERY = "/api/v1/query";
  private static final String QUERY_RANGE = "/api/v1/query_range";
  private static final String SERIES = "/api/v1/series";
  private static final String CONFIG = "/api/v1/status/config";
  private static final String FLAGS = "/api/v1/status/flags";

  private final String server;
  private final Credentials credentials;
  private final Duration timeout;
  private final ApiMessages messages;
  private final RetryingTransport transport;
  private final AnswerReader reader;

  /**
   * An API with the default timeout (30 s), 4 requests in flight at most and 3 retries.
   *
   * @param baseUrl the server's base URL; see {@link #HttpPrometheusApi(URI, Credentials, Duration, int, int)}
   * @param credentials how to authenticate
   */
  public HttpPrometheusApi(URI baseUrl, Credentials credentials) {
    this(baseUrl, credentials, DEFAULT_TIMEOUT, DEFAULT_MAX_CONCURRENT_QUERIES, DEFAULT_RETRIES);
  }

  /**
   * An API.
   *
   * @param baseUrl the server's base URL, http or https, with any path prefix the API lives under;
   *     {@code /api/v1/...} is appended to it. Basic-auth user info in it ({@code https://user:pw@host})
   *     is used when {@code credentials} are {@link Credentials#none()}, and never shown.
   * @param credentials how to authenticate
   * @param timeout how long connecting may take, and a request until its answer starts; also sent to
   *     the server as the query's evaluation timeout
   * @param maxConcurrentQueries the most requests in flight at once across all threads, at least 1
   * @param retries how many times a request that failed in a way that may pass is sent again, at least
   *     0; a request is tried {@code retries + 1} times in all
   * @throws IllegalArgumentException if the URL is not an http or https base URL, or a number is out of
   *     range; the message never shows credentials
   */
  public HttpPrometheusApi(URI baseUrl, Credentials credentials, Duration timeout, int maxConcurrentQueries,
      int retries) {
    this(baseUrl, credentials, timeout, maxConcurrentQueries, retries, DEFAULT_BACKOFF);
  }

  /** As the public constructor, with the first pause between attempts; tests make it short. */
  HttpPrometheusApi(URI baseUrl, Credentials credentials, Duration timeout, int maxConcurrentQueries, int retries,
      Duration backoffBase) {
    BaseUrl url = BaseUrl.of(baseUrl);
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoffBase, "backoffBase");
    if (timeout.isNegative() || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("the timeout must be at least 1ms, was " + timeout);
    }
    if (maxConcurrentQueries < 1) {
      throw new IllegalArgumentException("at least 1 query must be allowed in flight, was " + maxConcurrentQueries);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("the number of retries must not be negative, was " + retries);
    }
    if (backoffBase.isNegative()) {
      throw new IllegalArgumentException("the backoff must not be negative, was " + backoffBase);
    }
    this.server = url.display();
    this.credentials = credentials.isNone() ? url.userInfo().orElse(credentials) : credentials;
    this.timeout = timeout;
    this.messages = new ApiMessages(server, this.credentials);
    this.transport = new RetryingTransport(url, this.credentials, timeout, maxConcurrentQueries, retries,
        backoffBase, messages);
    this.reader = new AnswerReader(messages);
  }

  /** The base URL as given, without user info, e.g. {@code https://mimir.example/prometheus}. */
  @Override
  public String describe() {
    return server;
  }

  /**
   * {@inheritDoc}
   *
   * @throws PrometheusApiException also when the query gives a range vector or a string
   */
  @Override
  public List<Sample> query(String promql, Instant time) {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(time, "time");
    ApiCall call = ApiCall.post(QUERY, "query", promql, List.of(
        Map.entry("query", promql),
        Map.entry("time", ApiCall.seconds(time)),
        Map.entry("timeout", ApiCall.seconds(timeout.toMillis()))));
    JsonNode data = reader.data(call, transport.send(call));
    String type = data.path("resultType").asText("");
    try {
      return switch (type) {
        case "vector" -> Results.vector(data.get("result"));
        case "scalar" -> Results.scalar(data.get("result"));
        default -> throw messages.unexpected(call, resultTypeText(type) + " where an instant query needs a vector"
            + " or scalar");
      };
    } catch (IllegalArgumentException malformed) {
      throw messages.unexpected(call, "a malformed " + type + ": " + malformed.getMessage());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The windows of a split range are asked one after the other.
   *
   * @throws IllegalArgumentException if {@code end} is before {@code start}, or the step is not a
   *     positive whole number of milliseconds
   */
  @Override
  public List<RangeSeries> queryRange(String promql, Instant start, Instant end, Duration step) {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero() || step.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("the step must be a positive whole number of milliseconds, was " + step);
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("the range ends (" + end + ") before it starts (" + start + ")");
    }
    long stepMillis = step.toMillis();
    List<List<RangeSeries>> parts = new ArrayList<>();
    for (RangeSplitter.Window window : RangeSplitter.split(start.toEpochMilli(), end.toEpochMilli(), stepMillis,
        RangeSplitter.MAX_POINTS)) {
      ApiCall call = ApiCall.post(QUERY_RANGE, "query", promql, List.of(
          Map.entry("query", promql),
          Map.entry("start", ApiCall.seconds(window.startMillis())),
          Map.entry("end", ApiCall.seconds(window.endMillis())),
          Map.entry("step", ApiCall.seconds(stepMillis)),
          Map.entry("timeout", ApiCall.seconds(timeout.toMillis()))));
      parts.add(matrix(call, reader.data(call, transport.send(call))));
    }
    return RangeSplitter.join(parts);
  }

  private List<RangeSeries> matrix(ApiCall call, JsonNode data) {
    String type = data.path("resultType").asText("");
    if (!type.equals("matrix")) {
      throw messages.unexpected(call, resultTypeText(type) + " where a range query gives a matrix");
    }
    try {
      return Results.matrix(data.get("result"));
    } catch (IllegalArgumentException malformed) {
      throw messages.unexpected(call, "a malformed matrix: " + malformed.getMessage());
    }
  }

  @Override
  public List<Map<String, String>> series(String selector, Instant start, Instant end) {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    ApiCall call = ApiCall.post(SERIES, "selector", selector, List.of(
        Map.entry("match[]", selector),
        Map.entry("start", ApiCall.seconds(start)),
        Map.entry("end", ApiCall.seconds(end))));
    JsonNode data = reader.data(call, transport.send(call));
    try {
      return Results.labelSets(data);
    } catch (IllegalArgumentException malformed) {
      throw messages.unexpected(call, "malformed series: " + malformed.getMessage());
    }
  }

  /**
   * {@inheritDoc}
   *
   * @return the configuration as YAML; empty when the server answers 404 or 403 for this endpoint, as
   *     Thanos and Mimir may
   */
  @Override
  public Optional<String> config() {
    ApiCall call = ApiCall.get(CONFIG);
    RetryingTransport.Answer answer = transport.send(call);
    if (answer.status() == 404 || answer.status() == 403) {
      return Optional.empty();
    }
    JsonNode yaml = reader.data(call, answer).get("yaml");
    if (yaml == null || !yaml.isTextual()) {
      throw messages.unexpected(call, "a configuration without yaml");
    }
    return Optional.of(yaml.asText());
  }

  /**
   * {@inheritDoc}
   *
   * @return the retention time; empty when the server does not have the endpoint (404), does not have
   *     the flag (Thanos, Mimir) or leaves it unset ({@code 0s}: Prometheus then keeps 15 days unless
   *     a size limit applies)
   */
  @Override
  public Optional<Duration> retention() {
    ApiCall call = ApiCall.get(FLAGS);
    RetryingTransport.Answer answer = transport.send(call);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    JsonNode flags = reader.data(call, answer);
    // Prometheus before 2.8 only had storage.tsdb.retention, which later versions still show, deprecated.
    Optional<Duration> retention = retentionFlag(call, flags, "storage.tsdb.retention.time");
    return retention.isPresent() ? retention : retentionFlag(call, flags, "storage.tsdb.retention");
  }

  private Optional<Duration> retentionFlag(ApiCall call, JsonNode flags, String name) {
    JsonNode flag = flags.get(name);
    if (flag == null || !flag.isTextual() || flag.asText().isBlank()) {
      return Optional.empty();
    }
    String text = flag.asText().strip();
    if (text.replaceAll("[a-z]", "").matches("0+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(PromDuration.parse(text));
    } catch (IllegalArgumentException unreadable) {
      throw messages.unexpected(call, "a " + name + " that is not a duration: " + ApiMessages.serverText(text));
    }
  }

  private static String resultTypeText(String type) {
    return type.isEmpty() ? "a result without resultType" : "a " + ApiMessages.serverText(type);
  }

  /**
   * The server and the kind of credentials, never the secret, e.g.
   * {@code Prometheus at http://prometheus:9090 (bearer token)}.
   */
  @Override
  public String toString() {
    return "Prometheus at " + server + " (" + credentials + ")";
  }
}
