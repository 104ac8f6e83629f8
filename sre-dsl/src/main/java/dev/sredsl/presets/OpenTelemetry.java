package dev.sredsl.presets;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.promql.LabelMatcher;
import java.util.List;

/**
 * Metric conventions of the OpenTelemetry HTTP semantic conventions (stable since 1.23), as exported
 * to Prometheus: dots become underscores and the unit {@code s} becomes the suffix {@code _seconds}.
 */
public final class OpenTelemetry {

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
        List.of());
  }
}
