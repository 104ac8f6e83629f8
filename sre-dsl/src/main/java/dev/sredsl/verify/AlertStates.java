package dev.sredsl.verify;

import dev.sredsl.verify.PrometheusApi.Point;
import dev.sredsl.verify.PrometheusApi.RangeSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays Prometheus' alert states over the results of an alert's expression evaluated at every
 * evaluation of a window, as Prometheus' rule manager does: a series present at an evaluation makes
 * the alert active; it is pending from that evaluation, and firing from the first evaluation at which
 * it has been active for {@code for} (at once when {@code for} is zero); a pending alert whose series
 * is gone is dropped; a firing one resolves, unless {@code keep_firing_for} keeps it firing while less
 * than that has passed since the first evaluation without its series.
 */
public final class AlertStates {

  private AlertStates() {}

  /**
   * @param results the expression's results at each evaluation, from a range query at {@code step}
   *     starting at {@code firstEvaluation} (so that alerts pending or firing at the window's start are
   *     seen from their beginning, start the query before the window)
   * @param firstEvaluation the first evaluation's time
   * @param lastEvaluation the last evaluation's time
   * @return the episodes, by start time then labels
   */
  public static List<Episode> episodes(List<RangeSeries> results, long firstEvaluation, long lastEvaluation,
      Duration step, Duration forDuration, Duration keepFiringFor) {
    long stepMillis = step.toMillis();
    long holdMillis = forDuration.toMillis();
    long keepMillis = keepFiringFor.toMillis();
    // One series per label set; a range query returns each once, but joined chunks may repeat one.
    Map<Map<String, String>, Map<Long, Double>> byLabels = new HashMap<>();
    for (RangeSeries series : results) {
      Map<String, String> labels = new TreeMap<>(series.labels());
      labels.remove("__name__");
      Map<Long, Double> points = byLabels.computeIfAbsent(labels, k -> new HashMap<>());
      for (Point point : series.points()) {
        points.put(point.timeMillis(), point.value());
      }
    }
    List<Episode> episodes = new ArrayList<>();
    byLabels.forEach((labels, points) -> replay(labels, points, firstEvaluation, lastEvaluation, stepMillis,
        holdMillis, keepMillis, episodes));
    episodes.sort(Comparator.comparingLong(Episode::startMillis).thenComparing(e -> e.labels().toString()));
    return episodes;
  }

  private static void replay(Map<String, String> labels, Map<Long, Double> points, long first, long last,
      long step, long hold, long keep, List<Episode> out) {
    long activeAt = -1;      // when the current activity began; -1 when inactive
    long firingSince = -1;   // when the current episode began firing; -1 when not firing
    long keepFiringSince = -1;
    double peak = Double.NaN;
    for (long t = first; t <= last; t += step) {
      Double value = points.get(t);
      if (value != null) {
        keepFiringSince = -1;
        if (activeAt < 0) {
          activeAt = t;
        }
        if (firingSince < 0 && t - activeAt >= hold) {
          firingSince = t;
          peak = Double.NaN;
        }
        if (firingSince >= 0 && (Double.isNaN(peak) || value > peak)) {
          peak = value;
        }
        continue;
      }
      if (firingSince >= 0 && keep > 0) {
        if (keepFiringSince < 0) {
          keepFiringSince = t;
        }
        if (t - keepFiringSince < keep) {
          continue; // kept firing; the condition may return before it resolves
        }
      }
      if (firingSince >= 0) {
        out.add(new Episode(labels, firingSince, t, peak, false));
      }
      activeAt = -1;
      firingSince = -1;
      keepFiringSince = -1;
    }
    if (firingSince >= 0) {
      out.add(new Episode(labels, firingSince, last, peak, true));
    }
  }
}
