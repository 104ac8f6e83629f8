package dev.sredsl.presets;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.util.List;

/**
 * Metric conventions of the OpenTelemetry HTTP semantic conventions (stable since 1.23), as exported
 * to Prometheus: dots become underscores and the unit {@code s} becomes the suffix {@code _seconds}.
 */
public final class OpenTelemetry {

  /** The explicit bucket boundaries the HTTP semantic conventions advise for the request duration. */
  private static final List<Duration> ADVISED_BUCKETS = List.of(Duration.ZERO, Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(75),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofMillis(7500),
      Duration.ofSeconds(10));

  private OpenTelemetry() {}

  /**
   * The histogram {@code http.server.request.duration}: {@code http_server_request_duration_seconds_count},
   * {@code _sum}, {@code _bucket}; labels {@code http_response_status_code}, {@code http_route},
   * {@code http_request_method}. A request failed when its status code is 5xx.
   *
   * <p>Pass it to {@code ServiceBuilder.signals(...)}, e.g. {@code .signals(OpenTelemetry.httpServer())};
   * the recorded series are then named after the metric, e.g.
   * {@code service:http_server_request_duration:rate5m}.
   *
   * <p>The bucket bounds are those the semantic conventions advise for this histogram, which the SDK
   * uses unless a view changes them: 0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5,
   * 5, 7.5 and 10 seconds. A latency SLO's threshold must be one of them (e.g. 250 ms, not 300 ms);
   * an application whose view sets other boundaries declares them with
   * {@link RequestMetrics#withBuckets}.
   *
   * @return the request metrics, without filters until the service builder adds its selector
   */
  public static RequestMetrics httpServer() {
    return new RequestMetrics(
        "opentelemetry-http-server",
        "http_server_request_duration_seconds_count",
        "http_server_request_duration_seconds_bucket",
        "http_server_request_duration_seconds_sum",
        LabelMatcher.regex("http_response_status_code", "5.."),
        "http_route",
        "http_request_method",
        "http_response_status_code",
        List.of(),
        ADVISED_BUCKETS);
  }

}
