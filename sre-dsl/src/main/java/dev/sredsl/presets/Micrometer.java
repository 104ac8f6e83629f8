package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.ratioOfRates;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Metric conventions of Micrometer's Prometheus registry, as Spring Boot Actuator publishes them.
 * Names carry the base unit suffix ({@code _seconds}) and the counter suffixes Micrometer appends.
 *
 * <pre>{@code
 * .signals(Micrometer.httpServer())
 * .dependency(d -> d.http("payments-api").via(Micrometer.httpClient("payments.example.com")))
 * .dependency(d -> d.cache("prices").via(Micrometer.cache("prices")))
 * }</pre>
 */
public final class Micrometer {

  private Micrometer() {}

  /**
   * The HTTP server timer {@code http.server.requests}: {@code http_server_requests_seconds_count},
   * {@code _sum} and, with {@code management.metrics.distribution.percentiles-histogram} enabled,
   * {@code _bucket}; labels {@code status}, {@code outcome}, {@code uri}, {@code method}. A request
   * failed when Micrometer's {@code outcome} is {@code SERVER_ERROR} (any 5xx status).
   *
   * <p>Pass it to {@code ServiceBuilder.signals(...)}: the rules then record
   * {@code service:http_server_requests:rate5m}, {@code service:http_server_requests_errors:rate5m},
   * the error ratio and the p50, p90 and p99 latencies. Without the histogram enabled in the
   * application the bucket series do not exist, and latency quantiles, latency conditions and latency
   * SLOs have no data.
   *
   * <p>Micrometer publishes buckets only as configured: {@code percentiles-histogram} gives bounds of its
   * own (none of them a round number such as 300 ms), and a latency SLO's threshold becomes a bound with
   * Spring Boot's {@code management.metrics.distribution.slo.http.server.requests=300ms}. The bounds are
   * therefore not known here and the build does not check the threshold against them; declare the
   * configured ones with {@link RequestMetrics#withBuckets} and it does.
   *
   * @return the request metrics, without filters until the service builder adds its selector
   */
  public static RequestMetrics httpServer() {
    return new RequestMetrics(
        "micrometer-http-server",
        "http_server_requests_seconds_count",
        "http_server_requests_seconds_bucket",
        "http_server_requests_seconds_sum",
        LabelMatcher.eq("outcome", "SERVER_ERROR"),
        "uri",
        "method",
        "status",
        List.of(),
        List.of());
  }

  /**
   * Health of a downstream HTTP service called through an instrumented client ({@code RestTemplate},
   * {@code RestClient}, {@code WebClient}): the share of calls to {@code clientName} that failed on the
   * server or never got an answer ({@code outcome} {@code SERVER_ERROR} or {@code UNKNOWN}).
   *
   * <p>Reads {@code http_client_requests_seconds_count} as a ratio of 5-minute rates, with a missing
   * failed series counted as 0; an {@code ERRORS} signal with id {@code http-client-<client name>} and
   * unit {@code percentunit}, typically the health signal of an {@code http} dependency.
   *
   * @param clientName the value of the {@code client_name} label, which Spring's instrumentation sets to
   *     the host of the called URI, e.g. {@code payments.example.com}
   * @return the preset, bound to the service's selector when the service is built
   */
  public static SignalPreset httpClient(String clientName) {
    return selector -> {
      VectorSelector all = series("http_client_requests_seconds_count", selector, LabelMatcher.eq("client_name", clientName));
      VectorSelector failed = all.and(LabelMatcher.regex("outcome", "SERVER_ERROR|UNKNOWN"));
      return new Signal(
          Ids.of("http-client", clientName),
          SignalKind.ERRORS,
          "Share of calls to " + clientName + " that failed on its side or got no answer.",
          ratioOfRates(failed, all, Windows.RATE).toString(),
          "percentunit");
    };
  }

  /**
   * Health of a cache instrumented by Micrometer's cache binders: the share of lookups that missed.
   *
   * <p>Reads {@code cache_gets_total{result="miss"}} over all {@code cache_gets_total} of the cache as a
   * ratio of 5-minute rates; a {@code SATURATION} signal with id {@code cache-<cache name>} and unit
   * {@code percentunit}, typically the health signal of a {@code cache} dependency.
   *
   * @param cacheName the value of the {@code cache} label, the cache's name in the application
   * @return the preset, bound to the service's selector when the service is built
   */
  public static SignalPreset cache(String cacheName) {
    return selector -> {
      VectorSelector gets = series("cache_gets_total", selector, LabelMatcher.eq("cache", cacheName));
      VectorSelector misses = gets.and(LabelMatcher.eq("result", "miss"));
      return new Signal(
          Ids.of("cache", cacheName),
          SignalKind.SATURATION,
          "Share of lookups in cache " + cacheName + " that missed and went to the backing store.",
          ratioOfRates(misses, gets, Windows.RATE).toString(),
          "percentunit");
    };
  }

  /** A metric's series of one service, narrowed further by {@code more}. */
  static VectorSelector series(String metric, List<LabelMatcher> serviceSelector, LabelMatcher... more) {
    List<LabelMatcher> all = new ArrayList<>(serviceSelector);
    all.addAll(List.of(more));
    return new VectorSelector(metric, all, null, null);
  }
}
