package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A latency SLO's threshold must be a bucket bound of the histogram, when the bounds are known. */
class LatencyBucketValidationTest {

  private static final String SLO = "service 'orders', slo 'latency': ";
  private static final String OTEL_VIEW = " and declare them with .signals(OpenTelemetry.httpServer().withBuckets(...))";

  private static List<String> problemsOfLatencySlo(RequestMetrics requests, Duration threshold) {
    return problemsOf("orders", s -> s.tier(Tier.HIGH).signals(requests)
        .slo(Slo.availability(99.9))
        .slo(Slo.latency(threshold).percent(99)));
  }

  @Test
  void acceptsAThresholdThatIsOneOfOpenTelemetrysAdvisedBounds() {
    for (long millis : new long[] {5, 75, 250, 500, 2500, 10_000}) {
      assertEquals(List.of(), problemsOfLatencySlo(OpenTelemetry.httpServer(), Duration.ofMillis(millis)), millis + "ms");
    }
  }

  @Test
  void reportsAThresholdBetweenTwoAdvisedBoundsWithBothAndTheViewThatAddsIt() {
    assertEquals(List.of(SLO + "latency threshold 300ms is not a bucket bound of opentelemetry-http-server, whose"
            + " nearest bounds are 250ms and 500ms, so no bucket le=\"0.3\" counts its good requests; use a threshold"
            + " of 250ms or 500ms, or add 0.3 to the boundaries with an SDK view, View.builder().setAggregation("
            + "Aggregation.explicitBucketHistogram(List.of(..., 0.25, 0.3, 0.5, ...))),"
            + OTEL_VIEW),
        problemsOfLatencySlo(OpenTelemetry.httpServer(), Duration.ofMillis(300)));
  }

  @Test
  void reportsAThresholdBeyondTheLargestOrBelowTheSmallestBound() {
    assertEquals(List.of(SLO + "latency threshold 20s is not a bucket bound of opentelemetry-http-server, whose"
            + " largest bound is 10s, so no bucket le=\"20\" counts its good requests; use a threshold of 10s, or add"
            + " 20 to the boundaries with an SDK view, View.builder().setAggregation(Aggregation"
            + ".explicitBucketHistogram(List.of(..., 10, 20, ...))),"
            + OTEL_VIEW),
        problemsOfLatencySlo(OpenTelemetry.httpServer(), Duration.ofSeconds(20)));
    // The advised 0 is a bound, but no threshold.
    assertEquals(List.of(SLO + "latency threshold 2ms is not a bucket bound of opentelemetry-http-server, whose"
            + " smallest bound is 5ms, so no bucket le=\"0.002\" counts its good requests; use a threshold of 5ms, or"
            + " add 0.002 to the boundaries with an SDK view, View.builder().setAggregation(Aggregation"
            + ".explicitBucketHistogram(List.of(..., 0.002, 0.005, ...))),"
            + OTEL_VIEW),
        problemsOfLatencySlo(OpenTelemetry.httpServer(), Duration.ofMillis(2)));
  }

  @Test
  void acceptsAThresholdTheServiceDeclaresAsABound() {
    RequestMetrics withView = OpenTelemetry.httpServer().withBuckets(Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(300), Duration.ofMillis(500));

    assertEquals(List.of(), problemsOfLatencySlo(withView, Duration.ofMillis(300)));
  }

  @Test
  void declaredBoundsReplaceTheAdvisedOnes() {
    RequestMetrics withView = OpenTelemetry.httpServer().withBuckets(Duration.ofMillis(300), Duration.ofSeconds(1));

    assertEquals(List.of(SLO + "latency threshold 500ms is not a bucket bound of opentelemetry-http-server, whose"
            + " nearest bounds are 300ms and 1s, so no bucket le=\"0.5\" counts its good requests; use a threshold of"
            + " 300ms or 1s, or add 0.5 to the boundaries with an SDK view, View.builder().setAggregation(Aggregation"
            + ".explicitBucketHistogram(List.of(..., 0.3, 0.5, 1, ...))),"
            + OTEL_VIEW),
        problemsOfLatencySlo(withView, Duration.ofMillis(500)));
  }

  @Test
  void micrometerBoundsAreUnknownUntilDeclared() {
    assertEquals(List.of(), problemsOfLatencySlo(Micrometer.httpServer(), Duration.ofMillis(300)));
    assertEquals(List.of(SLO + "latency threshold 300ms is not a bucket bound of micrometer-http-server, whose"
            + " nearest bounds are 250ms and 500ms, so no bucket le=\"0.3\" counts its good requests; use a threshold"
            + " of 250ms or 500ms, or publish the bound with Spring Boot's"
            + " management.metrics.distribution.slo.http.server.requests=300ms and add it to .withBuckets(...)"),
        problemsOfLatencySlo(Micrometer.httpServer().withBuckets(Duration.ofMillis(250), Duration.ofMillis(500)),
            Duration.ofMillis(300)));
  }

  @Test
  void reportsANullOrNegativeDeclaredBoundOnceAndNothingAboutTheThreshold() {
    assertEquals(List.of("service 'orders', request metrics micrometer-http-server: a bucket bound is null; give every"
            + " bound the histogram publishes, e.g. .withBuckets(Duration.ofMillis(250), Duration.ofMillis(500))"),
        problemsOfLatencySlo(Micrometer.httpServer().withBuckets(Duration.ofMillis(250), (Duration) null),
            Duration.ofMillis(300)));
    assertEquals(List.of("service 'orders', request metrics opentelemetry-http-server: bucket bound must not be"
            + " negative, was -300ms; give the upper bounds the histogram publishes, e.g. Duration.ofMillis(250)"),
        problemsOfLatencySlo(OpenTelemetry.httpServer().withBuckets(Duration.ofMillis(-300), Duration.ofMillis(300)),
            Duration.ofMillis(300)));
  }

  @Test
  void anInvalidThresholdIsReportedOnceBySloValidation() {
    assertEquals(1, problemsOfLatencySlo(OpenTelemetry.httpServer(), Duration.ofMillis(300).plusNanos(1)).size());
    assertEquals(1, problemsOfLatencySlo(OpenTelemetry.httpServer(), Duration.ofMinutes(11)).size());
  }
}
