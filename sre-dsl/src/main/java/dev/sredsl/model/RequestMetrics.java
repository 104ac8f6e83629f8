package dev.sredsl.model;

import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;
import java.util.List;

/**
 * Where a service's request traffic, errors and latency come from: the series of one HTTP (or RPC)
 * server histogram, as an instrumentation library emits them. From these the generators derive the
 * traffic, error and latency signals and the SLO ratios. The presets {@code Micrometer.httpServer()}
 * and {@code OpenTelemetry.httpServer()} return instances without filters; the service builder adds
 * the service's selector with {@link #withFilters}.
 *
 * @param source name of the convention, e.g. {@code micrometer-http-server}
 * @param countMetric counter of requests, e.g. {@code http_server_requests_seconds_count}
 * @param bucketMetric cumulative histogram buckets with label {@code le}, or {@code null} when the
 *     library emits no histogram
 * @param sumMetric total of request durations in seconds
 * @param serverError matcher that selects the requests counted as failed
 * @param routeLabel label holding the route template (e.g. {@code uri}, {@code http_route})
 * @param methodLabel label holding the HTTP method
 * @param statusLabel label holding the response status code
 * @param filters matchers that every query applies: the service's own selector and any exclusions;
 *     unmodifiable
 */
public record RequestMetrics(
    String source,
    String countMetric,
    String bucketMetric,
    String sumMetric,
    LabelMatcher serverError,
    String routeLabel,
    String methodLabel,
    String statusLabel,
    List<LabelMatcher> filters) {

  public RequestMetrics {
    filters = List.copyOf(filters);
  }

  /**
   * A copy whose queries also apply {@code more}, after the existing filters.
   *
   * @param more matchers to add, e.g. the service's selector
   * @return the narrowed request metrics; this instance is unchanged
   */
  public RequestMetrics withFilters(List<LabelMatcher> more) {
    List<LabelMatcher> all = new java.util.ArrayList<>(filters);
    all.addAll(more);
    return new RequestMetrics(source, countMetric, bucketMetric, sumMetric, serverError, routeLabel,
        methodLabel, statusLabel, all);
  }

  /**
   * Whether the library emits histogram buckets. Without them no latency quantiles are recorded, and
   * latency conditions and latency SLOs are rejected by validation.
   *
   * @return {@code true} when {@code bucketMetric} is set
   */
  public boolean hasHistogram() {
    return bucketMetric != null;
  }

  /**
   * Every request of the service.
   *
   * @return {@code countMetric} narrowed by the filters, e.g.
   *     {@code http_server_requests_seconds_count{job="checkout"}}
   */
  public VectorSelector requests() {
    return new VectorSelector(countMetric, filters, null, null);
  }

  /**
   * The requests that failed on the server side.
   *
   * @return {@link #requests()} further narrowed by {@code serverError}
   */
  public VectorSelector failedRequests() {
    return requests().and(serverError);
  }

  /**
   * Histogram buckets of the service's requests; meaningful only when {@link #hasHistogram()}.
   *
   * @return {@code bucketMetric} narrowed by the filters
   */
  public VectorSelector buckets() {
    return new VectorSelector(bucketMetric, filters, null, null);
  }
}
