package dev.sredsl.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request-metrics presets name exactly the series the instrumentation libraries emit. */
class RequestMetricsPresetsTest {

  @Test
  void micrometerHttpServerUsesTheSpringBootTimerSeries() {
    RequestMetrics micrometer = Micrometer.httpServer();

    assertEquals("micrometer-http-server", micrometer.source());
    assertEquals("http_server_requests_seconds_count", micrometer.countMetric());
    assertEquals("http_server_requests_seconds_sum", micrometer.sumMetric());
    assertEquals("http_server_requests_seconds_bucket", micrometer.bucketMetric());
    assertTrue(micrometer.hasHistogram());
  }

  @Test
  void micrometerHttpServerUsesTheLabelsUriMethodStatusAndOutcome() {
    RequestMetrics micrometer = Micrometer.httpServer();

    assertEquals("uri", micrometer.routeLabel());
    assertEquals("method", micrometer.methodLabel());
    assertEquals("status", micrometer.statusLabel());
    assertEquals(LabelMatcher.eq("outcome", "SERVER_ERROR"), micrometer.serverError());
    assertEquals("outcome=\"SERVER_ERROR\"", micrometer.serverError().toString());
    assertEquals(List.of(), micrometer.filters());
  }

  @Test
  void openTelemetryHttpServerUsesTheStableSemanticConventionSeries() {
    RequestMetrics otel = OpenTelemetry.httpServer();

    assertEquals("opentelemetry-http-server", otel.source());
    assertEquals("http_server_request_duration_seconds_count", otel.countMetric());
    assertEquals("http_server_request_duration_seconds_sum", otel.sumMetric());
    assertEquals("http_server_request_duration_seconds_bucket", otel.bucketMetric());
    assertTrue(otel.hasHistogram());
  }

  @Test
  void openTelemetryHttpServerUsesTheHttpAttributeLabelsAndCounts5xxAsFailed() {
    RequestMetrics otel = OpenTelemetry.httpServer();

    assertEquals("http_route", otel.routeLabel());
    assertEquals("http_request_method", otel.methodLabel());
    assertEquals("http_response_status_code", otel.statusLabel());
    assertEquals("http_response_status_code=~\"5..\"", otel.serverError().toString());
    assertEquals(List.of(), otel.filters());
  }

  @Test
  void requestSelectorsApplyTheFiltersThenTheFailureMatcher() {
    RequestMetrics micrometer = Micrometer.httpServer().withFilters(List.of(LabelMatcher.eq("job", "checkout")));

    assertEquals("http_server_requests_seconds_count{job=\"checkout\"}", micrometer.requests().toString());
    assertEquals("http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\"}",
        micrometer.failedRequests().toString());
    assertEquals("http_server_requests_seconds_bucket{job=\"checkout\"}", micrometer.buckets().toString());
  }

  @Test
  void withFiltersAppendsWithoutChangingThePreset() {
    RequestMetrics preset = OpenTelemetry.httpServer();
    RequestMetrics filtered = preset
        .withFilters(List.of(LabelMatcher.eq("job", "checkout")))
        .withFilters(List.of(LabelMatcher.notRegex("http_route", "/actuator/.*")));

    assertEquals(List.of(), preset.filters());
    assertEquals("http_server_request_duration_seconds_count{job=\"checkout\", http_route!~\"/actuator/.*\","
        + " http_response_status_code=~\"5..\"}", filtered.failedRequests().toString());
  }

  @Test
  void openTelemetryKnowsTheAdvisedBucketsAndMicrometerNone() {
    assertEquals(List.of(0L, 5L, 10L, 25L, 50L, 75L, 100L, 250L, 500L, 750L, 1000L, 2500L, 5000L, 7500L, 10_000L),
        OpenTelemetry.httpServer().bucketBounds().stream().map(Duration::toMillis).toList());
    assertTrue(OpenTelemetry.httpServer().knowsBucketBounds());
    assertEquals(List.of(), Micrometer.httpServer().bucketBounds());
    assertTrue(!Micrometer.httpServer().knowsBucketBounds());
  }

  @Test
  void declaredBucketsReplaceThePresetsAndSurviveTheServiceSelector() {
    RequestMetrics declared = OpenTelemetry.httpServer().withBuckets(Duration.ofMillis(300), Duration.ofSeconds(1))
        .withFilters(List.of(LabelMatcher.eq("job", "checkout")));

    assertEquals(List.of(Duration.ofMillis(300), Duration.ofSeconds(1)), declared.bucketBounds());
    assertEquals(15, OpenTelemetry.httpServer().bucketBounds().size());
  }
}
