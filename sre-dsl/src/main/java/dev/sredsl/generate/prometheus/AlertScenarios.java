package dev.sredsl.generate.prometheus;

import dev.sredsl.generate.Numbers;
import dev.sredsl.model.Alert;
import dev.sredsl.model.Comparison;
import dev.sredsl.model.Condition;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.promql.PromDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives, from an alert's own condition, input series under which it fires and input series under
 * which it stays silent. Rates are whole numbers per second and ratios have a power-of-two
 * denominator, so that what Prometheus computes is exact and {@code $value} can be predicted.
 */
final class AlertScenarios {

  /** Requests per second in the synthetic traffic: a power of two, so every share of it is exact. */
  static final long TOTAL = 64;

  /** How often the generated tests' input series have a sample. */
  static final Duration SAMPLE_INTERVAL = Duration.ofMinutes(1);

  private AlertScenarios() {}

  /** Input under which the alert fires, and input under which it does not. */
  record Pair(Scenario firing, Scenario silent) {}

  /** The two scenarios, or the reason they cannot be derived. */
  static Result of(Service service, Alert alert) {
    // While the rate windows fill, a floor such as traffic below 1/s holds and can fire the alert; the
    // silent case must come after it resolved, which keep_firing_for puts off by its hold.
    Duration waitFor = (alert.forDuration() == null ? Duration.ZERO : alert.forDuration())
        .plus(alert.keepFiringFor() == null ? Duration.ZERO : alert.keepFiringFor());
    Condition c = alert.condition();
    // rate() needs two samples in its window; the tests sample once a minute.
    Optional<Duration> shortest = SteadyStateEvaluator.shortestRange(ConditionExpressions.of(service, c));
    if (shortest.isPresent() && shortest.get().compareTo(SAMPLE_INTERVAL) < 0) {
      return Result.unsupported("its range of " + PromDuration.format(shortest.get()) + " holds fewer than two"
          + " samples of the tests' one-minute sampling");
    }
    if (c instanceof Condition.ErrorRatio e) {
      return errorRatio(service.requests(), e, evalTime(e.window(), waitFor));
    }
    if (c instanceof Condition.LatencyQuantile l) {
      return latency(service.requests(), l, evalTime(l.window(), waitFor));
    }
    if (c instanceof Condition.Traffic t) {
      return traffic(service.requests(), t, evalTime(t.window(), waitFor));
    }
    return ExpressionScenarios.of(ConditionExpressions.of(service, c), waitFor);
  }

  /** Scenarios, or why there are none. */
  record Result(Pair pair, String unsupportedBecause) {
    static Result of(Scenario firing, Scenario silent) {
      return new Result(new Pair(firing, silent), null);
    }

    static Result unsupported(String reason) {
      return new Result(null, reason);
    }
  }

  /** Late enough for the rate window to be full and the alert's 'for' (and hold) to have passed. */
  static Duration evalTime(Duration window, Duration waitFor) {
    long minutes = Math.max(1, (window.toSeconds() + 59) / 60) + (waitFor.toSeconds() + 59) / 60 + 2;
    return Duration.ofMinutes(minutes);
  }

  private static Result errorRatio(RequestMetrics r, Condition.ErrorRatio e, Duration at) {
    Optional<Map<String, String>> base = SyntheticSeries.labels(r.filters());
    Optional<String> success = SyntheticSeries.valueNotSelectedBy(r.serverError());
    Optional<String> failure = SyntheticSeries.valueFor(r.serverError());
    if (base.isEmpty() || success.isEmpty() || failure.isEmpty()) {
      return Result.unsupported("no label values satisfy the service's selector");
    }
    long above = Math.min(TOTAL, (long) Math.floor(e.threshold() * TOTAL) + 1);
    long firing = e.comparison() == Comparison.ABOVE ? above : 0;
    long silent = e.comparison() == Comparison.ABOVE ? 0 : TOTAL;
    return Result.of(
        requests(r, base.get(), failure.get(), success.get(), firing, e.window(), at,
            firing + " of " + TOTAL + " requests per second fail"),
        requests(r, base.get(), failure.get(), success.get(), silent, e.window(), at,
            silent + " of " + TOTAL + " requests per second fail"));
  }

  private static Scenario requests(RequestMetrics r, Map<String, String> base, String failure, String success,
      long failedPerSecond, Duration window, Duration at, String story) {
    long minutes = at.toMinutes() + 5;
    Map<String, String> failed = new LinkedHashMap<>(base);
    failed.put(r.serverError().name(), failure);
    Map<String, String> ok = new LinkedHashMap<>(base);
    ok.put(r.serverError().name(), success);
    List<SyntheticSeries.Input> series = List.of(
        new SyntheticSeries.Input(SyntheticSeries.series(r.countMetric(), failed),
            SyntheticSeries.counter(failedPerSecond, minutes)),
        new SyntheticSeries.Input(SyntheticSeries.series(r.countMetric(), ok),
            SyntheticSeries.counter(TOTAL - failedPerSecond, minutes)));
    // Each sum() reads one or two series; adding two doubles gives the same in either order.
    double failedRate = PrometheusRate.rate(failedPerSecond, window, at);
    double succeededRate = PrometheusRate.rate(TOTAL - failedPerSecond, window, at);
    return new Scenario(story, series, at, Scenario.single(failedRate / (failedRate + succeededRate)));
  }

  private static Result latency(RequestMetrics r, Condition.LatencyQuantile l, Duration at) {
    Optional<Map<String, String>> base = SyntheticSeries.labels(r.filters());
    if (base.isEmpty()) {
      return Result.unsupported("no label values satisfy the service's selector");
    }
    double threshold = l.threshold().toNanos() / 1e9;
    Scenario slow = buckets(r, base.get(), threshold, false, l.quantile(), l.window(), at);
    Scenario fast = buckets(r, base.get(), threshold, true, l.quantile(), l.window(), at);
    return l.comparison() == Comparison.ABOVE ? Result.of(slow, fast) : Result.of(fast, slow);
  }

  /**
   * Buckets at the threshold and at twice it; every request lands in the lower one (fast) or between
   * the two (slow). histogram_quantile then interpolates linearly inside that bucket.
   */
  private static Scenario buckets(RequestMetrics r, Map<String, String> base, double threshold, boolean fast,
      double quantile, Duration window, Duration at) {
    long minutes = at.toMinutes() + 5;
    double twice = threshold * 2;
    List<SyntheticSeries.Input> series = new ArrayList<>();
    series.add(bucket(r, base, Numbers.format(threshold), fast ? TOTAL : 0, minutes));
    series.add(bucket(r, base, Numbers.format(twice), TOTAL, minutes));
    series.add(bucket(r, base, "+Inf", TOTAL, minutes));
    // As Prometheus computes it: bucketStart + (bucketEnd - bucketStart) * (rank / count), over rates.
    double count = PrometheusRate.rate(TOTAL, window, at);
    double rank = quantile * count;
    double value = fast ? 0 + (threshold - 0) * (rank / count) : threshold + (twice - threshold) * (rank / count);
    String story = "every request takes " + (fast ? "at most " + Numbers.format(threshold) + "s"
        : "between " + Numbers.format(threshold) + "s and " + Numbers.format(twice) + "s");
    return new Scenario(story, series, at, Scenario.single(value));
  }

  private static SyntheticSeries.Input bucket(RequestMetrics r, Map<String, String> base, String le, long perSecond,
      long minutes) {
    Map<String, String> labels = new LinkedHashMap<>(base);
    labels.put("le", le);
    return new SyntheticSeries.Input(SyntheticSeries.series(r.bucketMetric(), labels),
        SyntheticSeries.counter(perSecond, minutes));
  }

  private static Result traffic(RequestMetrics r, Condition.Traffic t, Duration at) {
    Optional<Map<String, String>> base = SyntheticSeries.labels(r.filters());
    if (base.isEmpty()) {
      return Result.unsupported("no label values satisfy the service's selector");
    }
    long busy = (long) Math.floor(t.requestsPerSecond()) + 1;
    Scenario idle = trafficOf(r, base.get(), 0, t.window(), at);
    Scenario loaded = trafficOf(r, base.get(), busy, t.window(), at);
    return t.comparison() == Comparison.ABOVE ? Result.of(loaded, idle) : Result.of(idle, loaded);
  }

  private static Scenario trafficOf(RequestMetrics r, Map<String, String> base, long perSecond, Duration window,
      Duration at) {
    String series = SyntheticSeries.series(r.countMetric(), base);
    return new Scenario(perSecond + " requests per second arrive",
        List.of(new SyntheticSeries.Input(series, SyntheticSeries.counter(perSecond, at.toMinutes() + 5))),
        at, Scenario.single(PrometheusRate.rate(perSecond, window, at)));
  }

}
