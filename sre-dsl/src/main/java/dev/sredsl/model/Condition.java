package dev.sredsl.model;

import java.time.Duration;

/**
 * When an alert is active. Typed conditions refer to the service's declared signals, so the
 * generators can turn them into PromQL against the right metrics; {@link Raw} is the escape hatch.
 */
public sealed interface Condition {

  /**
   * Share of requests failed by the server over {@code window}, compared with a ratio.
   *
   * @param window the rate window
   * @param comparison the direction
   * @param threshold a ratio strictly between 0 and 1, e.g. 0.05 for 5%
   */
  record ErrorRatio(Duration window, Comparison comparison, double threshold) implements Condition {}

  /**
   * A latency quantile (e.g. 0.99) over {@code window}, compared with a duration.
   *
   * @param quantile strictly between 0 and 1
   * @param window the rate window of the histogram buckets
   * @param comparison the direction
   * @param threshold the latency, from 1 ms to 10 minutes
   */
  record LatencyQuantile(double quantile, Duration window, Comparison comparison, Duration threshold)
      implements Condition {}

  /**
   * Requests per second over {@code window}, compared with a rate; below catches a dead service.
   *
   * @param window the rate window
   * @param comparison the direction
   * @param requestsPerSecond a finite rate of at least 0; positive when the comparison is
   *     {@code BELOW}
   */
  record Traffic(Duration window, Comparison comparison, double requestsPerSecond) implements Condition {}

  /**
   * A declared signal (saturation, custom, or a dependency's health) compared with a value.
   *
   * @param signal the id of a signal of the same service
   * @param comparison the direction
   * @param threshold a finite number in the signal's unit
   */
  record SignalThreshold(String signal, Comparison comparison, double threshold) implements Condition {}

  /**
   * Hand-written PromQL that yields a series when the alert should be active.
   *
   * @param expression PromQL giving an instant vector or a scalar, checked at build time
   */
  record Raw(String expression) implements Condition {}
}
