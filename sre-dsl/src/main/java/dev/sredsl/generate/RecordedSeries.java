package dev.sredsl.generate;

import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Signal;
import dev.sredsl.model.Slo;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.VectorSelector;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of the series the recording rules write, named {@code level:metric:operations} as the
 * Prometheus documentation advises, and selectors that read them back. Dashboards and alerts query
 * these names through this class, so a rename reaches every reader.
 */
public final class RecordedSeries {

  /** The window of the golden-signal recordings. */
  public static final Duration WINDOW = Duration.ofMinutes(5);
  /** Latency quantiles recorded for every service with a histogram. */
  public static final List<Double> QUANTILES = List.of(0.5, 0.9, 0.99);

  private RecordedSeries() {}

  public static String requestRate(RequestMetrics r) {
    return "service:" + requestsBase(r) + ":rate" + window();
  }

  public static String errorRate(RequestMetrics r) {
    return "service:" + requestsBase(r) + "_errors:rate" + window();
  }

  public static String errorRatio(RequestMetrics r) {
    return "service:" + requestsBase(r) + "_errors_per_requests:ratio_rate" + window();
  }

  public static String latencyBucketRate(RequestMetrics r) {
    return "service:" + latencyBase(r) + "_bucket:rate" + window();
  }

  /** e.g. {@code service:http_server_requests_seconds:p99_rate5m}. */
  public static String latencyQuantile(RequestMetrics r, double quantile) {
    String digits = BigDecimal.valueOf(quantile).stripTrailingZeros().toPlainString().substring(2);
    return "service:" + latencyBase(r) + ":p" + (digits.length() == 1 ? digits + "0" : digits) + "_rate" + window();
  }

  /** e.g. {@code service:jvm_heap:saturation} for the saturation signal {@code jvm-heap}. */
  public static String signal(Signal signal) {
    return "service:" + signal.name().replace('-', '_') + ":" + signal.kind().label();
  }

  public static String sloErrorRatio(Duration window) {
    return "slo:sli_error:ratio_rate" + PromDuration.format(window);
  }

  /**
   * Events per second of an SLO over the base window, all of them: what every longer window of the
   * recorded form averages.
   */
  public static final String SLO_EVENTS_RATE = "slo:sli_events:rate" + PromDuration.format(WINDOW);

  /** Bad events (failed or slow requests) per second of an SLO over the base window. */
  public static final String SLO_BAD_EVENTS_RATE = "slo:sli_error_events:rate" + PromDuration.format(WINDOW);

  /** Bad events (failed or slow requests) of an SLO over {@code window}, for the low-traffic guard. */
  public static String sloBadEvents(Duration window) {
    return "slo:sli_error_events:increase" + PromDuration.format(window);
  }

  public static final String SLO_OBJECTIVE = "slo:objective:ratio";
  public static final String SLO_ERROR_BUDGET = "slo:error_budget:ratio";
  public static final String SLO_ERROR_BUDGET_REMAINING = "slo:error_budget_remaining:ratio";
  public static final String SLO_BURN_RATE = "slo:current_burn_rate:ratio";

  /** The series of one SLO of one service among those every service records under the same name. */
  public static VectorSelector ofSlo(String recordedName, Service service, Slo slo) {
    List<LabelMatcher> matchers = new ArrayList<>();
    matchers.add(LabelMatcher.eq(GeneratedLabels.SERVICE, service.name()));
    matchers.add(LabelMatcher.eq(GeneratedLabels.SLO, slo.name()));
    return new VectorSelector(recordedName, matchers, null, null);
  }

  /** The series of one service among those every service records under the same name. */
  public static VectorSelector ofService(String recordedName, Service service) {
    return new VectorSelector(recordedName, List.of(LabelMatcher.eq(GeneratedLabels.SERVICE, service.name())), null, null);
  }

  /** {@code http_server_requests_seconds_count} gives {@code http_server_requests}. */
  static String requestsBase(RequestMetrics r) {
    return strip(strip(r.countMetric(), "_count"), "_seconds");
  }

  /** {@code http_server_requests_seconds_bucket} gives {@code http_server_requests_seconds}. */
  static String latencyBase(RequestMetrics r) {
    return strip(r.bucketMetric(), "_bucket");
  }

  private static String window() {
    return PromDuration.format(WINDOW);
  }

  private static String strip(String text, String suffix) {
    return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
  }
}
