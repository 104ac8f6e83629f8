package dev.sredsl.generate.prometheus;

import dev.sredsl.conventions.MissingData;
import dev.sredsl.model.Service;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatchType;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Input for the missing-data alerts: every watched input that stops (it fires, one alert per input)
 * or keeps coming (silent); scrape targets all down (fires) or all up (silent).
 */
final class MissingDataScenarios {

  /** The inputs' last sample, when they stop. */
  static final Duration STOPS_AT = Duration.ofMinutes(10);
  /** The alert fires at most window + for + one evaluation after the last sample; one more for slack. */
  static final Duration METRICS_EVAL_TIME = STOPS_AT.plus(MissingData.ABSENT_WINDOW)
      .plus(MissingData.METRICS_MISSING_FOR).plus(AlertScenarios.SAMPLE_INTERVAL.multipliedBy(2));

  private MissingDataScenarios() {}

  static Optional<AlertScenarios.Pair> metricsMissing(List<VectorSelector> watched) {
    List<SyntheticSeries.Input> stopping = new ArrayList<>();
    List<SyntheticSeries.Input> continuing = new ArrayList<>();
    List<SteadyStateEvaluator.Sample> alerts = new ArrayList<>();
    long until = METRICS_EVAL_TIME.toMinutes();
    for (VectorSelector input : watched) {
      Optional<Map<String, String>> labels = SyntheticSeries.labels(input.matchers());
      if (labels.isEmpty()) {
        return Optional.empty();
      }
      String series = SyntheticSeries.series(input.name(), labels.get());
      stopping.add(new SyntheticSeries.Input(series, SyntheticSeries.counter(1, STOPS_AT.toMinutes())));
      continuing.add(new SyntheticSeries.Input(series, SyntheticSeries.counter(1, until)));
      // absent_over_time keeps the labels of the selector's equality matchers, then the rule adds metric.
      Map<String, String> absentLabels = new TreeMap<>();
      for (LabelMatcher m : input.matchers()) {
        if (m.type() == MatchType.EQUAL) {
          absentLabels.put(m.name(), m.value());
        }
      }
      absentLabels.put(MissingDataRules.METRIC_LABEL, input.name());
      alerts.add(new SteadyStateEvaluator.Sample(absentLabels, 1));
    }
    Scenario firing = new Scenario("its inputs stop after " + STOPS_AT.toMinutes() + " minutes", stopping,
        METRICS_EVAL_TIME, alerts);
    Scenario silent = new Scenario("its inputs keep coming", continuing, METRICS_EVAL_TIME, List.of());
    return Optional.of(new AlertScenarios.Pair(firing, silent));
  }

  static Optional<AlertScenarios.Pair> targetsDown(Service service) {
    Optional<Map<String, String>> labels = SyntheticSeries.labels(service.selector());
    if (labels.isEmpty()) {
      return Optional.empty();
    }
    String up = SyntheticSeries.series("up", labels.get());
    // The wait rounded up to whole minutes, plus a few evaluations.
    Duration evalTime = Duration.ofMinutes(MissingData.targetsDownFor(service).plusSeconds(59).toMinutes() + 5);
    long minutes = evalTime.toMinutes();
    Scenario firing = new Scenario("its only target is down", List.of(new SyntheticSeries.Input(up, SyntheticSeries.gauge(0, minutes))),
        evalTime, Scenario.single(0));
    Scenario silent = new Scenario("its only target is up", List.of(new SyntheticSeries.Input(up, SyntheticSeries.gauge(1, minutes))),
        evalTime, List.of());
    return Optional.of(new AlertScenarios.Pair(firing, silent));
  }
}
