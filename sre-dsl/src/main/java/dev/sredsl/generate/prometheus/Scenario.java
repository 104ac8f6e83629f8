package dev.sredsl.generate.prometheus;

import java.time.Duration;
import java.util.List;

/**
 * Synthetic input for one promtool test case and what the alert expression makes of it.
 *
 * @param story what the input series show, in words, for the test's name
 * @param evalTime when the alert is checked
 * @param results the samples the alert expression gives for that input, one alert each; their
 *     values and labels are what {@code $value} and {@code $labels} show
 */
record Scenario(String story, List<SyntheticSeries.Input> series, Duration evalTime,
    List<SteadyStateEvaluator.Sample> results) {

  Scenario {
    series = List.copyOf(series);
    results = List.copyOf(results);
  }

  /** One result without labels, as the typed conditions give. */
  static List<SteadyStateEvaluator.Sample> single(double value) {
    return List.of(new SteadyStateEvaluator.Sample(java.util.Map.of(), value));
  }
}
