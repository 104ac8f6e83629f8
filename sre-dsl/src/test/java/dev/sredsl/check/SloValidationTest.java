package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SloValidationTest {

  /** Request metrics of a library that emits no histogram, e.g. a Prometheus summary. */
  private static final RequestMetrics SUMMARY_ONLY = new RequestMetrics("prometheus-summary",
      "http_requests_count", null, "http_requests_sum", LabelMatcher.regex("code", "5.."), "path", "method",
      "code", List.of(), List.of());

  private static List<String> problemsOfSlo(Slo slo) {
    return problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer()).slo(slo));
  }

  @Test
  void acceptsAvailabilityAndLatencySlos() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.CRITICAL)
        .signals(OpenTelemetry.httpServer())
        .slo(Slo.availability(99.9).over(Duration.ofDays(28)))
        .slo(Slo.latency(Duration.ofMillis(250)).percent(99.0))));
  }

  @ParameterizedTest
  @CsvSource({"0, 0.0", "100, 100.0", "100.5, 100.5", "-1, -1.0", "Infinity, Infinity"})
  void reportsAnObjectiveOutsideTheOpenRangeFrom0To100(double objective, String printed) {
    assertEquals(List.of("service 'checkout', slo 'availability': objective must be between 0 and 100 percent,"
            + " both excluded, e.g. 99.9, was " + printed),
        problemsOfSlo(Slo.availability(objective)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.001, 50, 99.999})
  void acceptsObjectivesStrictlyBetween0And100WithoutBurnRateAlerts(double objective) {
    assertEquals(List.of(), problemsOfSlo(Slo.availability(objective).withoutPaging().withoutTickets()));
  }

  @Test
  void acceptsTheLowestObjectiveWhoseBurnRateAlertsCanStillFire() {
    // Over 30 days the six-hour page window burns 6 times the budget: the budget must stay below 1/6.
    assertEquals(List.of(), problemsOfSlo(Slo.availability(83.334)));
    assertEquals(List.of("service 'checkout', slo 'availability': the fast-burn alert of a 83.333% objective over"
            + " 30 days could never fire: its lowest threshold, 6 times the 16.667% error budget, is an error ratio"
            + " above 100%; raise the objective above 83.334% or switch the alert off with .withoutPaging()"),
        problemsOfSlo(Slo.availability(83.333)));
    assertEquals(List.of(), problemsOfSlo(Slo.availability(83.333).withoutPaging()));
  }

  @Test
  void reportsALatencySloWithoutPercent() {
    assertEquals(List.of("service 'checkout', slo 'latency': objective is missing or not a number; give it"
        + " in percent, e.g. Slo.availability(99.9) or .percent(99.0)"),
        problemsOfSlo(Slo.latency(Duration.ofMillis(300))));
  }

  @Test
  void reportsAnAvailabilityObjectiveOfNaNAsMissing() {
    assertEquals(List.of("service 'checkout', slo 'availability': objective is missing or not a number; give"
        + " it in percent, e.g. Slo.availability(99.9) or .percent(99.0)"),
        problemsOfSlo(Slo.availability(Double.NaN)));
  }

  @Test
  void reportsAPeriodThatIsNotAWholeNumberOfDays() {
    assertEquals(List.of("service 'checkout', slo 'availability': period must be a whole number of days, e.g."
            + " Duration.ofDays(28), was 1d12h"),
        problemsOfSlo(Slo.availability(99.9).over(Duration.ofHours(36))));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 3, 6, 366, 730})
  void reportsAPeriodShorterThan7OrLongerThan365Days(long days) {
    assertEquals(List.of("service 'checkout', slo 'availability': period must be between 7 and 365 days"
            + " (burn-rate alerts read windows up to 3 days), was " + days + " days"),
        problemsOfSlo(Slo.availability(99.9).over(Duration.ofDays(days))));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 28, 30, 90, 365})
  void acceptsPeriodsFrom7To365Days(long days) {
    assertEquals(List.of(), problemsOfSlo(Slo.availability(99.9).over(Duration.ofDays(days))));
  }

  @Test
  void reportsAZeroPeriod() {
    assertEquals(List.of("service 'checkout', slo 'availability': period must be positive, e.g."
        + " Duration.ofDays(30), was 0s"),
        problemsOfSlo(Slo.availability(99.9).over(Duration.ZERO)));
  }

  @Test
  void reportsANegativePeriod() {
    assertEquals(List.of("service 'checkout', slo 'availability': period must be positive, e.g."
        + " Duration.ofDays(30), was -30d"),
        problemsOfSlo(Slo.availability(99.9).over(Duration.ofDays(-30))));
  }

  @Test
  void reportsAMissingPeriod() {
    assertEquals(List.of("service 'checkout', slo 'availability': period is missing; add"
            + " .over(Duration.ofDays(30))"),
        problemsOfSlo(Slo.availability(99.9).over(null)));
  }

  @Test
  void reportsTwoSlosWithTheSameName() {
    assertEquals(List.of("service 'checkout': slo 'availability' is declared more than once; names must be"
        + " unique, so rename or remove one"),
        problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
            .slo(Slo.availability(99.9))
            .slo(Slo.availability(99.5).over(Duration.ofDays(7)))));
  }

  @Test
  void acceptsTwoSlosOfOneKindWithDistinctNames() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .slo(Slo.availability(99.9))
        .slo(Slo.availability(99.5).over(Duration.ofDays(7)).named("availability-weekly"))));
  }

  @Test
  void reportsAnSloNameThatIsNotAnId() {
    assertEquals(List.of("service 'checkout', slo 'Availability': slo name 'Availability' is not valid: use 1 to"
            + " 63 lower-case letters, digits and dashes, starting with a letter and not ending with a dash, e.g."
            + " 'availability'"),
        problemsOfSlo(Slo.availability(99.9).named("Availability")));
  }

  @Test
  void reportsABlankSloDescription() {
    assertEquals(List.of("service 'checkout', slo 'availability': description is blank; write it out or leave it"
            + " out"),
        problemsOfSlo(Slo.availability(99.9).describedAs("")));
  }

  @Test
  void reportsAnSloOnAServiceWithoutRequestMetrics() {
    assertEquals(List.of("service 'checkout', slo 'availability': no request metrics to measure the SLO; add"
            + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service,"
            + " or count the SLO's own events with Slo.events(...)"),
        problemsOf("checkout", s -> s.tier(Tier.CRITICAL).slo(Slo.availability(99.9))));
  }

  @Test
  void reportsALatencySloOnRequestMetricsWithoutHistogram() {
    assertEquals(List.of("service 'checkout', slo 'latency': latency SLO needs histogram buckets, and request"
            + " metrics prometheus-summary have none; use a preset with buckets"),
        problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(SUMMARY_ONLY)
            .slo(Slo.latency(Duration.ofMillis(300)).percent(99.0))));
  }

  @Test
  void acceptsAnAvailabilitySloOnRequestMetricsWithoutHistogram() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(SUMMARY_ONLY)
        .slo(Slo.availability(99.9))));
  }

  @Test
  void reportsALatencySloWithoutThreshold() {
    assertEquals(List.of("service 'checkout', slo 'latency': latency threshold is missing; give a histogram bucket"
            + " boundary such as Duration.ofMillis(300)"),
        problemsOfSlo(Slo.latency(null).percent(99.0)));
  }

  @Test
  void reportsALatencySloThresholdAboveTenMinutes() {
    assertEquals(List.of("service 'checkout', slo 'latency': latency threshold must be at most 10m, was 11m;"
            + " give a histogram bucket boundary such as Duration.ofMillis(300)"),
        problemsOfSlo(Slo.latency(Duration.ofMinutes(11)).percent(99.0)));
  }

  @Test
  void reportsALatencySloThresholdFinerThanAMillisecond() {
    assertEquals(List.of("service 'checkout', slo 'latency': latency threshold must be a whole number of"
            + " milliseconds, was PT0.0005S"),
        problemsOfSlo(Slo.latency(Duration.ofNanos(500_000)).percent(99.0)));
  }

  @Test
  void reportsEveryProblemOfOneSloInOrder() {
    assertEquals(List.of(
            "service 'checkout', slo 'p99': objective is missing or not a number; give it in percent, e.g."
                + " Slo.availability(99.9) or .percent(99.0)",
            "service 'checkout', slo 'p99': period must be a whole number of days, e.g. Duration.ofDays(28), was"
                + " 1d12h",
            "service 'checkout', slo 'p99': no request metrics to measure the SLO; add"
                + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service,"
          + " or count the SLO's own events with Slo.events(...)",
            "service 'checkout', slo 'p99': latency threshold must be positive, was 0s; give a histogram"
                + " bucket boundary such as Duration.ofMillis(300)"),
        problemsOf("checkout", s -> s.tier(Tier.CRITICAL)
            .slo(Slo.latency(Duration.ZERO).named("p99").over(Duration.ofHours(36)))));
  }
}
