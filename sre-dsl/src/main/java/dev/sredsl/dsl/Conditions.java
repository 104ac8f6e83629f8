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
 * Windows default to 5 minutes.
 */
public final class Conditions {

  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private Conditions() {}

  /** Share of requests that failed on the server. */
  public static ErrorRatioBuilder errorRatio() {
    return new ErrorRatioBuilder(DEFAULT_WINDOW);
  }

  /** A latency quantile from the request histogram, e.g. {@code 0.99} for p99. */
  public static LatencyBuilder latency(double quantile) {
    return new LatencyBuilder(quantile, DEFAULT_WINDOW);
  }

  /** Requests per second. */
  public static TrafficBuilder traffic() {
    return new TrafficBuilder(DEFAULT_WINDOW);
  }

  /** A declared signal by name, e.g. {@code jvm-heap} or {@code hikari-orders}. */
  public static SignalThresholdBuilder signal(String name) {
    return new SignalThresholdBuilder(name);
  }

  /** Hand-written PromQL: the alert is active while it returns a series. */
  public static Condition promql(String expression) {
    return new Condition.Raw(expression);
  }

  /** Error-ratio condition being built. */
  public record ErrorRatioBuilder(Duration window) {
    public ErrorRatioBuilder over(Duration rateWindow) {
      return new ErrorRatioBuilder(rateWindow);
    }

    public ErrorRatioBuilder over(String rateWindow) {
      return over(PromDuration.parse(rateWindow));
    }

    /** Active while more than {@code ratio} (0.05 for 5%) of requests fail. */
    public Condition above(double ratio) {
      return new Condition.ErrorRatio(window, Comparison.ABOVE, ratio);
    }
  }

  /** Latency condition being built. */
  public record LatencyBuilder(double quantile, Duration window) {
    public LatencyBuilder over(Duration rateWindow) {
      return new LatencyBuilder(quantile, rateWindow);
    }

    public LatencyBuilder over(String rateWindow) {
      return over(PromDuration.parse(rateWindow));
    }

    public Condition above(Duration threshold) {
      return new Condition.LatencyQuantile(quantile, window, Comparison.ABOVE, threshold);
    }
  }

  /** Traffic condition being built. */
  public record TrafficBuilder(Duration window) {
    public TrafficBuilder over(Duration rateWindow) {
      return new TrafficBuilder(rateWindow);
    }

    public TrafficBuilder over(String rateWindow) {
      return over(PromDuration.parse(rateWindow));
    }

    public Condition above(double requestsPerSecond) {
      return new Condition.Traffic(window, Comparison.ABOVE, requestsPerSecond);
    }

    /** Active while the service receives fewer requests per second: catches a silent outage. */
    public Condition below(double requestsPerSecond) {
      return new Condition.Traffic(window, Comparison.BELOW, requestsPerSecond);
    }
  }

  /** Signal condition being built. */
  public record SignalThresholdBuilder(String name) {
    public Condition above(double threshold) {
      return new Condition.SignalThreshold(name, Comparison.ABOVE, threshold);
    }

    public Condition below(double threshold) {
      return new Condition.SignalThreshold(name, Comparison.BELOW, threshold);
    }
  }
}
