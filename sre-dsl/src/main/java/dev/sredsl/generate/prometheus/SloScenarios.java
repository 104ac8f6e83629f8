package dev.sredsl.generate.prometheus;

import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Input for the burn-rate alerts of an SLO: a steady error ratio just above the lowest threshold of a
 * tier (it fires) and just below it (it stays silent). A steady ratio is the same over every window,
 * so both windows of each pair see it as soon as they hold two samples.
 */
final class SloScenarios {

  /** Events per second: a power of two large enough to land just above and below any threshold. */
  static final long TOTAL = 1L << 20;
  static final Duration EVAL_TIME = Duration.ofMinutes(30);

  private SloScenarios() {}

  /** Firing and silent input for a tier, or empty when the selector defeats label synthesis. */
  static Optional<AlertScenarios.Pair> of(Service service, Slo slo, List<BurnRateWindow> tier) {
    BigDecimal budget = SloRules.errorBudget(slo);
    BigDecimal lowest = tier.stream().map(w -> w.threshold(slo.period(), budget)).min(BigDecimal::compareTo).orElseThrow();
    long below = lowest.multiply(BigDecimal.valueOf(TOTAL)).setScale(0, java.math.RoundingMode.CEILING).longValue() - 1;
    long above = below + 2;
    Optional<Scenario> firing = scenario(service, slo, Math.min(above, TOTAL), "just above the lowest threshold");
    Optional<Scenario> silent = scenario(service, slo, Math.max(below, 0), "just below the lowest threshold");
    if (firing.isEmpty() || silent.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AlertScenarios.Pair(firing.get(), silent.get()));
  }

  /** Why an SLO has no scenarios, for the test file's header. */
  static String whyNone(Slo slo) {
    if (slo.events() != null && slo.events().isRatio()) {
      return "its error ratio is a PromQL query, whose input series the generator cannot derive; pin the alert"
          + " with a promtool test of your own";
    }
    if (slo.kind() == SloKind.EVENTS && slo.events().counts().stream()
        .anyMatch(c -> c instanceof dev.sredsl.model.EventCount.Query)) {
      return "its events are counted by a PromQL query that is not the rate of one counter, whose input series the"
          + " generator cannot derive; pin the alert with a promtool test of your own";
    }
    return "no label values satisfy the service's selector";
  }

  /**
   * Input for the budget-exhausted ticket: a steady error ratio of twice the budget spends it (it
   * fires), of half the budget does not (it stays silent).
   */
  static Optional<AlertScenarios.Pair> budget(Service service, Slo slo) {
    BigDecimal budget = SloRules.errorBudget(slo);
    long twice = budget.multiply(BigDecimal.valueOf(2L * TOTAL)).setScale(0, java.math.RoundingMode.CEILING).longValue();
    long half = budget.multiply(BigDecimal.valueOf(TOTAL / 2)).setScale(0, java.math.RoundingMode.FLOOR).longValue();
    Optional<Scenario> firing = scenario(service, slo, Math.min(twice, TOTAL), "twice the budget");
    Optional<Scenario> silent = scenario(service, slo, half, "half the budget");
    if (firing.isEmpty() || silent.isEmpty()) {
      return Optional.empty();
    }
    // The ticket carries no templates and shows no value: one alert, the rule's labels.
    Scenario fires = new Scenario(firing.get().story(), firing.get().series(), firing.get().evalTime(),
        Scenario.single(Double.NaN));
    return Optional.of(new AlertScenarios.Pair(fires, silent.get()));
  }

  private static Optional<Scenario> scenario(Service service, Slo slo, long bad, String where) {
    long minutes = EVAL_TIME.toMinutes() + 5;
    String story = "a steady error ratio of " + bad + "/" + TOTAL + ", " + where;
    if (slo.kind() == SloKind.EVENTS) {
      return EventScenarios.series(service, slo.events(), bad, TOTAL, minutes)
          .map(series -> new Scenario(story, series, EVAL_TIME, List.of()));
    }
    RequestMetrics r = service.requests();
    Optional<Map<String, String>> base = SyntheticSeries.labels(r.filters());
    if (base.isEmpty()) {
      return Optional.empty();
    }
    if (slo.kind() == SloKind.AVAILABILITY) {
      Optional<String> failure = SyntheticSeries.valueFor(r.serverError());
      Optional<String> success = SyntheticSeries.valueNotSelectedBy(r.serverError());
      if (failure.isEmpty() || success.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> failed = new LinkedHashMap<>(base.get());
      failed.put(r.serverError().name(), failure.get());
      Map<String, String> ok = new LinkedHashMap<>(base.get());
      ok.put(r.serverError().name(), success.get());
      return Optional.of(new Scenario(story, List.of(
          new SyntheticSeries.Input(SyntheticSeries.series(r.countMetric(), failed), SyntheticSeries.counter(bad, minutes)),
          new SyntheticSeries.Input(SyntheticSeries.series(r.countMetric(), ok),
              SyntheticSeries.counter(TOTAL - bad, minutes))), EVAL_TIME, List.of()));
    }
    Optional<String> le = SyntheticSeries.valueFor(dev.sredsl.conventions.LatencyBuckets.bound(slo.latencyThreshold()));
    if (le.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> bucket = new LinkedHashMap<>(base.get());
    bucket.put("le", le.get());
    return Optional.of(new Scenario(story, List.of(
        new SyntheticSeries.Input(SyntheticSeries.series(r.bucketMetric(), bucket),
            SyntheticSeries.counter(TOTAL - bad, minutes)),
        new SyntheticSeries.Input(SyntheticSeries.series(r.countMetric(), base.get()),
            SyntheticSeries.counter(TOTAL, minutes))), EVAL_TIME, List.of()));
  }
}
