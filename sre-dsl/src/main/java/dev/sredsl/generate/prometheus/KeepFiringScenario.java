package dev.sredsl.generate.prometheus;

import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input for an alert with {@code keep_firing_for}: the alert's firing input until it fires, then its
 * silent input. The alert must still fire {@code keep_firing_for} after the switch and be silent once
 * {@code keep_firing_for} has passed since its condition cleared.
 *
 * <p>When the condition clears is known only within bounds: it holds at the switch (the firing test
 * proves it) and may hold on while a rate window still reads samples from before the switch, or an
 * instant selector still sees a series the silent input no longer has (Prometheus looks back five
 * minutes). The checks are placed where either bound gives the same answer: firing at
 * {@code keep_firing_for} (rounded up to the minute) after the switch, since the hold starts one
 * evaluation after it at the earliest; silent once the condition has certainly cleared and the hold
 * has passed.
 *
 * @param story the input in words, for the test's name
 * @param series each input series' selector and its values in promtool's notation, switching from the
 *     firing to the silent input
 * @param firesAt the switch: the firing input's evaluation time, when the alert fires
 * @param stillFiringAt when the alert fires only because it keeps firing, if the condition cleared at once
 * @param silentAt when the hold has certainly passed
 * @param clearsAtOnce whether the condition is false from the first evaluation after the switch on, so
 *     that the alert keeps the value and labels of the firing input; otherwise they are those of the
 *     last evaluation before the condition cleared, somewhere in between
 */
record KeepFiringScenario(String story, Map<String, String> series, Duration firesAt, Duration stillFiringAt,
    Duration silentAt, boolean clearsAtOnce) {

  /** Prometheus' default lookback: an instant selector sees a sample this long after it was taken. */
  private static final Duration LOOKBACK = Duration.ofMinutes(5);

  KeepFiringScenario {
    series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
  }

  static KeepFiringScenario of(Expr expression, Duration keepFiringFor, AlertScenarios.Pair pair) {
    Duration step = AlertScenarios.SAMPLE_INTERVAL;
    Map<String, SyntheticSeries.Steady> before = bySeries(pair.firing().series());
    Map<String, SyntheticSeries.Steady> after = bySeries(pair.silent().series());
    Duration settle = step;
    if (SteadyStateEvaluator.shortestRange(expression).isPresent()) {
      settle = max(settle, SteadyStateEvaluator.longestRange(expression).plus(step));
    }
    if (!after.keySet().containsAll(before.keySet())) {
      settle = max(settle, LOOKBACK.plus(step));
    }
    Duration firesAt = pair.firing().evalTime();
    Duration hold = step.multipliedBy((keepFiringFor.toSeconds() + step.toSeconds() - 1) / step.toSeconds());
    Duration stillFiringAt = firesAt.plus(hold);
    Duration silentAt = firesAt.plus(settle).plus(hold);

    long switchAt = firesAt.dividedBy(step);
    long afterSamples = silentAt.minus(firesAt).dividedBy(step) + 5;
    Map<String, SyntheticSeries.Steady> all = new LinkedHashMap<>(before);
    after.forEach(all::putIfAbsent);
    Map<String, String> series = new LinkedHashMap<>();
    for (String selector : all.keySet()) {
      series.put(selector, SyntheticSeries.switching(before.get(selector), after.get(selector), switchAt, afterSamples));
    }
    String story = "the input turns at " + PromDuration.format(firesAt) + " from " + pair.firing().story() + " to "
        + pair.silent().story();
    return new KeepFiringScenario(story, series, firesAt, stillFiringAt, silentAt, settle.equals(step));
  }

  private static Map<String, SyntheticSeries.Steady> bySeries(List<SyntheticSeries.Input> inputs) {
    Map<String, SyntheticSeries.Steady> bySeries = new LinkedHashMap<>();
    inputs.forEach(i -> bySeries.put(i.series(), i.samples()));
    return bySeries;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
