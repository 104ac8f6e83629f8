package dev.sredsl.check;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloKind;
import dev.sredsl.problem.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks that a latency SLO's threshold is a bucket bound of the service's histogram, when the bounds
 * are known (a preset's defaults or the service's {@code withBuckets(...)}). A threshold between two
 * bounds has no bucket to count its good requests: the SLO has no data, and its burn-rate alerts can
 * never fire, as surely as with an objective too low for them. That is a definition the build cannot
 * turn into a working SLO, so it is a validation problem, not a coverage gap.
 */
final class LatencyBucketValidator {

  /** The same bounds as SloValidator's threshold check; outside them that check reports the threshold. */
  private static final Duration MIN_THRESHOLD = Duration.ofMillis(1);
  private static final Duration MAX_THRESHOLD = Duration.ofMinutes(10);

  /** The bounds a service declares or a preset gives: every one a duration of zero or more. */
  void bounds(RequestMetrics requests, Checks checks) {
    for (Duration bound : requests.bucketBounds()) {
      if (bound == null) {
        checks.report("a bucket bound is null; give every bound the histogram publishes, e.g."
            + " .withBuckets(Duration.ofMillis(250), Duration.ofMillis(500))");
      } else if (bound.isNegative()) {
        checks.report("bucket bound must not be negative, was " + Checks.show(bound)
            + "; give the upper bounds the histogram publishes, e.g. Duration.ofMillis(250)");
      }
    }
  }

  void validate(Service service, Slo slo, Checks serviceChecks) {
    RequestMetrics requests = service.requests();
    Duration threshold = slo.latencyThreshold();
    if (slo.kind() != SloKind.LATENCY || requests == null || !requests.hasHistogram()
        || !requests.knowsBucketBounds() || requests.bucketBounds().contains(null) || !checkable(threshold)
        || requests.bucketBounds().contains(threshold)) {
      return;
    }
    TreeSet<Duration> bounds = new TreeSet<>(requests.bucketBounds());
    bounds.removeIf(b -> !checkable(b));
    Duration lower = bounds.lower(threshold);
    Duration upper = bounds.higher(threshold);
    serviceChecks.element("slo " + Problem.quoteName(slo.name())).report("latency threshold "
        + Checks.show(threshold) + " is not a bucket bound of " + requests.source() + nearest(lower, upper)
        + ", so no bucket le=\"" + seconds(threshold) + "\" counts its good requests; " + choose(lower, upper)
        + howToAdd(requests.source(), threshold, lower, upper));
  }

  /** A threshold SloValidator accepts: from 1 ms to 10 minutes, a whole number of milliseconds. */
  private static boolean checkable(Duration threshold) {
    return threshold != null && threshold.compareTo(MIN_THRESHOLD) >= 0 && threshold.compareTo(MAX_THRESHOLD) <= 0
        && threshold.toNanos() % MIN_THRESHOLD.toNanos() == 0;
  }

  private static String nearest(Duration lower, Duration upper) {
    if (lower != null && upper != null) {
      return ", whose nearest bounds are " + Checks.show(lower) + " and " + Checks.show(upper);
    }
    if (lower != null) {
      return ", whose largest bound is " + Checks.show(lower);
    }
    return upper == null ? "" : ", whose smallest bound is " + Checks.show(upper);
  }

  private static String choose(Duration lower, Duration upper) {
    List<String> choices = new ArrayList<>();
    for (Duration bound : new Duration[] {lower, upper}) {
      if (bound != null) {
        choices.add(Checks.show(bound));
      }
    }
    return choices.isEmpty() ? "" : "use a threshold of " + String.join(" or ", choices) + ", or ";
  }

  /** How the library of the request metrics publishes one more bound, and how the service says it does. */
  private static String howToAdd(String source, Duration threshold, Duration lower, Duration upper) {
    String bound = seconds(threshold);
    if (source.startsWith("opentelemetry")) {
      List<String> boundaries = new ArrayList<>(List.of("..."));
      if (lower != null) {
        boundaries.add(seconds(lower));
      }
      boundaries.add(bound);
      if (upper != null) {
        boundaries.add(seconds(upper));
      }
      boundaries.add("...");
      return "add " + bound + " to the boundaries with an SDK view, View.builder().setAggregation(Aggregation"
          + ".explicitBucketHistogram(List.of(" + String.join(", ", boundaries) + "))), and declare them with"
          + " .signals(OpenTelemetry.httpServer().withBuckets(...))";
    }
    if (source.startsWith("micrometer")) {
      return "publish the bound with Spring Boot's management.metrics.distribution.slo.http.server.requests="
          + Checks.show(threshold) + " and add it to .withBuckets(...)";
    }
    return "publish a bucket with the bound " + bound + " and add it to .withBuckets(...)";
  }

  /** A bound as the {@code le} label shows it, in seconds: 0.3, 1, 2.5. */
  private static String seconds(Duration bound) {
    return BigDecimal.valueOf(bound.toNanos(), 9).stripTrailingZeros().toPlainString();
  }
}
