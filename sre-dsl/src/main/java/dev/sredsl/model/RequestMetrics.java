package dev.sredsl.model;

import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;
import java.util.List;

/**
 * Where a service's request traffic, errors and latency come from: the series of one HTTP (or RPC)
 * server histogram, as an instrumentation library emits them. From these the generators derive the
 * traffic, error and latency signals and the SLO ratios.
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
 * @param filters matchers that every query applies: the service's own selector and any exclusions
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

  public RequestMetrics withFilters(List<LabelMatcher> more) {
    List<LabelMatcher> all = new java.util.ArrayList<>(filters);
    all.addAll(more);
    return new RequestMetrics(source, countMetric, bucketMetric, sumMetric, serverError, routeLabel,
        methodLabel, statusLabel, all);
  }

  public boolean hasHistogram() {
    return bucketMetric != null;
  }

  /** Every request of the service. */
  public VectorSelector requests() {
    return new VectorSelector(countMetric, filters, null, null);
  }

  /** The requests that failed on the server side. */
  public VectorSelector failedRequests() {
    return requests().and(serverError);
  }

  /** Histogram buckets of the service's requests. */
  public VectorSelector buckets() {
    return new VectorSelector(bucketMetric, filters, null, null);
  }
}
