package dev.sredsl.model;

import java.time.Duration;

/**
 * When an alert is active. Typed conditions refer to the service's declared signals, so the
 * generators can turn them into PromQL against the right metrics; {@link Raw} is the escape hatch.
 */
public sealed interface Condition {

  /** Share of requests failed by the server over {@code window}, compared with a ratio in (0, 1]. */
  record ErrorRatio(Duration window, Comparison comparison, double threshold) implements Condition {}

  /** A latency quantile (e.g. 0.99) over {@code window}, compared with a duration. */
  record LatencyQuantile(double quantile, Duration window, Comparison comparison, Duration threshold)
      implements Condition {}

  /** Requests per second over {@code window}, compared with a rate; below catches a dead service. */
  record Traffic(Duration window, Comparison comparison, double requestsPerSecond) implements Condition {}

  /** A declared signal (saturation, custom, or a dependency's health) compared with a value. */
  record SignalThreshold(String signal, Comparison comparison, double threshold) implements Condition {}

  /** Hand-written PromQL that yields a series when the alert should be active. */
  record Raw(String expression) implements Condition {}
}
