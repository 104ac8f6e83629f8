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
 */
public final class Micrometer {

  private Micrometer() {}

  /**
   * The HTTP server timer {@code http.server.requests}: {@code http_server_requests_seconds_count},
   * {@code _sum} and, with {@code management.metrics.distribution.percentiles-histogram} enabled,
   * {@code _bucket}; labels {@code status}, {@code outcome}, {@code uri}, {@code method}. A request
   * failed when Micrometer's {@code outcome} is {@code SERVER_ERROR} (any 5xx status).
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
        List.of());
  }

  /**
   * Health of a downstream HTTP service called through an instrumented client ({@code RestTemplate},
   * {@code RestClient}, {@code WebClient}): the share of calls to {@code clientName} that failed on the
   * server or never got an answer ({@code outcome} {@code SERVER_ERROR} or {@code UNKNOWN}).
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

  /** Health of a cache instrumented by Micrometer's cache binders: the share of lookups that missed. */
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
