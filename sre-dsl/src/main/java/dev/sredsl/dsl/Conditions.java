package dev.sredsl.dsl;

import dev.sredsl.model.Comparison;
import dev.sredsl.model.Condition;
import dev.sredsl.promql.PromDuration;
import java.time.Duration;

/**
 * Typed alert conditions over the service's declared signals; import statically:
 *
 * <pre>{@code
 * .when(errorRatio().over("5m").above(0.05))
 * .when(latency(0.99).over("10m").above(Duration.ofMillis(800)))
 * .when(traffic().over("10m").below(1))
 * .when(signal("jvm-heap").above(0.9))
 * .when(promql("up{job=\"checkout\"} == 0"))
 * }</pre>
 *
 * Windows default to 5 minutes. The typed conditions read the service's request metrics or its
 * declared signals, so the generated rule queries the series the service declared, narrowed by its
 * selector; {@link #promql} is the escape hatch. Nothing is checked when a condition is built except
 * the syntax of a window given as text: the build validates thresholds, windows (a whole number of
 * seconds, at most 1 day) and references to signals, and reports each problem with the alert's name.
 */
public final class Conditions {

  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private Conditions() {}

  /**
   * Share of requests that failed on the server, from the service's request metrics: the rule reads
   * {@code (sum(rate(failed[w])) or vector(0)) / sum(rate(all[w]))}, so a service without failures has
   * a ratio of 0. The service must declare request metrics, e.g. {@code .signals(Micrometer.httpServer())}.
   *
   * @return the condition being built, over a 5-minute window until {@code over(...)} changes it
   */
  public static ErrorRatioBuilder errorRatio() {
    return new ErrorRatioBuilder(DEFAULT_WINDOW);
  }

  /**
   * A latency quantile from the request histogram, e.g. {@code 0.99} for p99: the rule reads
   * {@code histogram_quantile(q, sum by (le) (rate(buckets[w])))}. The service's request metrics must
   * have histogram buckets.
   *
   * @param quantile strictly between 0 and 1; validation rejects anything else (and suggests 0.99 for 99)
   * @return the condition being built, over a 5-minute window until {@code over(...)} changes it
   */
  public static LatencyBuilder latency(double quantile) {
    return new LatencyBuilder(quantile, DEFAULT_WINDOW);
  }

  /**
   * Requests per second received by the service, {@code sum(rate(requests[w]))}, from its request
   * metrics. {@code below(...)} catches a service that silently stopped receiving traffic.
   *
   * @return the condition being built, over a 5-minute window until {@code over(...)} changes it
   */
  public static TrafficBuilder traffic() {
    return new TrafficBuilder(DEFAULT_WINDOW);
  }

  /**
   * A declared signal by name, e.g. {@code jvm-heap} or {@code hikari-orders}: a saturation signal, a
   * custom signal or a dependency's health signal. The rule compares the signal's expression with the
   * threshold.
   *
   * @param name the id of a signal the same service declares; validation reports an unknown name and
   *     lists the declared ones
   * @return the condition being built
   */
  public static SignalThresholdBuilder signal(String name) {
    return new SignalThresholdBuilder(name);
  }

  /**
   * Hand-written PromQL: the alert is active while it returns a series. The expression is parsed at
   * build time with Prometheus' rules, so a syntax or type error fails the build with its column.
   *
   * <pre>{@code
   * .when(promql("up{job=\"checkout\"} == 0"))
   * }</pre>
   *
   * @param expression PromQL giving an instant vector or a scalar; required, not blank
   * @return the condition
   */
  public static Condition promql(String expression) {
    return new Condition.Raw(expression);
  }

  /**
   * Error-ratio condition being built: {@code errorRatio().over("5m").above(0.05)}.
   *
   * @param window the rate window, 5 minutes unless {@code over(...)} sets another
   */
  public record ErrorRatioBuilder(Duration window) {
    /**
     * The window the rates are taken over; longer windows smooth out short spikes.
     *
     * @param rateWindow a whole number of seconds, at most 1 day (checked by validation)
     * @return a copy with that window
     */
    public ErrorRatioBuilder over(Duration rateWindow) {
      return new ErrorRatioBuilder(rateWindow);
    }

    /**
     * The rate window as a Prometheus duration, e.g. {@code "5m"}.
     *
     * @param rateWindow a Prometheus duration literal
     * @return a copy with that window
     * @throws IllegalArgumentException if {@code rateWindow} is not a positive Prometheus duration
     */
    public ErrorRatioBuilder over(String rateWindow) {
      return over(PromDuration.parse(rateWindow));
    }

    /**
     * Active while more than {@code ratio} (0.05 for 5%) of requests fail.
     *
     * @param ratio strictly between 0 and 1; validation rejects anything else
     * @return the condition, for {@code AlertBuilder.when(...)}
     */
    public Condition above(double ratio) {
      return new Condition.ErrorRatio(window, Comparison.ABOVE, ratio);
    }
  }

  /**
   * Latency condition being built: {@code latency(0.99).over("10m").above(Duration.ofMillis(800))}.
   *
   * @param quantile the quantile, e.g. 0.99 for p99
   * @param window the rate window of the buckets, 5 minutes unless {@code over(...)} sets another
   */
  public record LatencyBuilder(double quantile, Duration window) {
    /**
     * The window the bucket rates are taken over.
     *
     * @param rateWindow a whole number of seconds, at most 1 day (checked by validation)
     * @return a copy with that window
     */
    public LatencyBuilder over(Duration rateWindow) {
      return new LatencyBuilder(quantile, rateWindow);
    }

    /**
     * The rate window as a Prometheus duration, e.g. {@code "10m"}.
     *
     * @param rateWindow a Prometheus duration literal
     * @return a copy with that window
     * @throws IllegalArgumentException if {@code rateWindow} is not a positive Prometheus duration
     */
    public LatencyBuilder over(String rateWindow) {
      return over(PromDuration.parse(rateWindow));
    }

    /**
     * Active while the quantile is slower than {@code threshold}. The rule compares in seconds.
     *
     * @param threshold a whole number of milliseconds, from 1 ms to 10 minutes (checked by validation)
     * @return the condition, for {@code AlertBuilder.when(...)}
     */
    public Condition above(Duration threshold) {
      return new Condition.LatencyQuantile(quantile, window, Comparison.ABOVE, threshold);
    }
  }

  /**
   * Traffic condition being built: {@code traffic().over("10m").below(0.1)}.
   *
   * @param window the rate window, 5 minutes unless {@code over(...)} sets another
   */
  public record TrafficBuilder(Duration window) {
    /**
     * The window the request rate is taken over; for {@code below(...)} a longer window avoids firing
     * on a quiet minute.
     *
     * @param rateWindow a whole number of seconds, at most 1 day (checked by validation)
     * @return a copy with that window
     */
    public TrafficBuilder over(Duration rateWindow) {
      return new TrafficBuilder(rateWindow);
    }

    /**
     * The rate window as a Prometheus duration, e.g. {@code "10m"}.
     *
     * @param rateWindow a Prometheus duration literal
     * @return a copy with that window
     * @throws IllegalArgumentException if {@code rateWindow} is not a positive Prometheus duration
     */
    public TrafficBuilder over(String rateWindow) {
      return over(PromDuration.parse(rateWindow));
    }

    /**
     * Active while the service receives more requests per second, e.g. a load spike or a retry storm.
     *
     * @param requestsPerSecond a finite rate of at least 0 (checked by validation)
     * @return the condition, for {@code AlertBuilder.when(...)}
     */
    public Condition above(double requestsPerSecond) {
      return new Condition.Traffic(window, Comparison.ABOVE, requestsPerSecond);
    }

    /**
     * Active while the service receives fewer requests per second: catches a silent outage. When the
     * request series are missing altogether the rule returns nothing and the alert stays silent.
     *
     * @param requestsPerSecond a finite, positive rate, e.g. 0.1 (validation rejects 0, which no rate
     *     is below)
     * @return the condition, for {@code AlertBuilder.when(...)}
     */
    public Condition below(double requestsPerSecond) {
      return new Condition.Traffic(window, Comparison.BELOW, requestsPerSecond);
    }
  }

  /**
   * Signal condition being built: {@code signal("hikari-orders").above(0.9)}. Thresholds are in the
   * signal's own unit, e.g. a share from 0 to 1 for the {@code percentunit} presets.
   *
   * @param name the id of a signal declared by the same service
   */
  public record SignalThresholdBuilder(String name) {
    /**
     * Active while the signal's value is above {@code threshold}.
     *
     * @param threshold a finite number (checked by validation)
     * @return the condition, for {@code AlertBuilder.when(...)}
     */
    public Condition above(double threshold) {
      return new Condition.SignalThreshold(name, Comparison.ABOVE, threshold);
    }

    /**
     * Active while the signal's value is below {@code threshold}.
     *
     * @param threshold a finite number (checked by validation)
     * @return the condition, for {@code AlertBuilder.when(...)}
     */
    public Condition below(double threshold) {
      return new Condition.SignalThreshold(name, Comparison.BELOW, threshold);
    }
  }
}
