package dev.sredsl.model;

import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * @param bucketBounds the upper bounds ({@code le}) of the histogram's buckets as the application
 *     publishes them, in any order; empty when they are not known, and the build then cannot check that
 *     a latency SLO's threshold is one of them; unmodifiable, and a {@code null} element is kept for
 *     validation to report
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
    List<LabelMatcher> filters,
    List<Duration> bucketBounds) {

  public RequestMetrics {
    filters = List.copyOf(filters);
    bucketBounds = bucketBounds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bucketBounds));
  }

  /**
   * A copy whose queries also apply {@code more}, after the existing filters.
   *
   * @param more matchers to add, e.g. the service's selector
   * @return the narrowed request metrics; this instance is unchanged
   */
  public RequestMetrics withFilters(List<LabelMatcher> more) {
    List<LabelMatcher> all = new ArrayList<>(filters);
    all.addAll(more);
    return new RequestMetrics(source, countMetric, bucketMetric, sumMetric, serverError, routeLabel,
        methodLabel, statusLabel, all, bucketBounds);
  }

  /**
   * A copy that knows the histogram's bucket bounds as the application publishes them, replacing the
   * preset's defaults. The build checks that the threshold of every latency SLO is one of them: a
   * threshold between two bounds has no bucket to count its good requests. Declare them when the
   * application configures its own buckets, e.g. an OpenTelemetry SDK view that adds 0.3 seconds:
   *
   * <pre>{@code
   * .signals(OpenTelemetry.httpServer().withBuckets(Duration.ofMillis(100), Duration.ofMillis(250),
   *     Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1)))
   * // Spring Boot, management.metrics.distribution.slo.http.server.requests=300ms
   * .signals(Micrometer.httpServer().withBuckets(Duration.ofMillis(300)))
   * }</pre>
   *
   * @param first a bound, zero or more
   * @param more the other bounds, in any order
   * @return the request metrics with those bounds; this instance is unchanged
   */
  public RequestMetrics withBuckets(Duration first, Duration... more) {
    List<Duration> bounds = new ArrayList<>();
    bounds.add(first);
    if (more == null) {
      bounds.add(null);
    } else {
      bounds.addAll(Arrays.asList(more));
    }
    return new RequestMetrics(source, countMetric, bucketMetric, sumMetric, serverError, routeLabel,
        methodLabel, statusLabel, filters, bounds);
  }

  /**
   * Whether the histogram's bucket bounds are known, from the preset or declared with
   * {@link #withBuckets}.
   *
   * @return {@code true} when {@code bucketBounds} is not empty
   */
  public boolean knowsBucketBounds() {
    return !bucketBounds.isEmpty();
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
