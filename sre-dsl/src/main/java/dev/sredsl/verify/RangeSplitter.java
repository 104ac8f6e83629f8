package dev.sredsl.verify;

import dev.sredsl.verify.PrometheusApi.Point;
import dev.sredsl.verify.PrometheusApi.RangeSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a range query that has more points than Prometheus allows into consecutive windows, and
 * joins the windows' series again. Prometheus evaluates a range at {@code start}, {@code start + step},
 * ... up to {@code end}; each window starts on that grid one step after the previous window's last
 * point, so no evaluation time is asked twice or skipped at a seam.
 */
final class RangeSplitter {

  /**
   * The most points one range query may have. Prometheus refuses ranges of more than 11,000 steps, i.e.
   * of 11,002 points or more; Thanos and Mimir keep the same limit.
   */
  static final int MAX_POINTS = 11_000;

  /** One window, in milliseconds since the epoch; both ends are evaluated. */
  record Window(long startMillis, long endMillis) {}

  private RangeSplitter() {}

  /**
   * The windows that cover {@code start..end}: one when the range has at most {@code maxPoints}
   * points, else windows of {@code maxPoints} points each and a last one with the rest.
   *
   * @param startMillis the first evaluation time
   * @param endMillis the last possible evaluation time, not before {@code startMillis}
   * @param stepMillis the step, positive
   * @param maxPoints the most points per window, positive
   */
  static List<Window> split(long startMillis, long endMillis, long stepMillis, int maxPoints) {
    long points = (endMillis - startMillis) / stepMillis + 1;
    List<Window> windows = new ArrayList<>();
    for (long first = 0; first < points; first += maxPoints) {
      long windowStart = startMillis + first * stepMillis;
      long last = Math.min(first + maxPoints, points) - 1;
      // The last window ends where the range does, which may lie between two grid points.
      long windowEnd = last == points - 1 ? endMillis : startMillis + last * stepMillis;
      windows.add(new Window(windowStart, windowEnd));
    }
    return List.copyOf(windows);
  }

  /**
   * Joins the series of consecutive windows by label set: each series once, in the order first seen,
   * with its points of every window in time order.
   */
  static List<RangeSeries> join(List<List<RangeSeries>> windows) {
    if (windows.size() == 1) {
      return windows.get(0);
    }
    Map<Map<String, String>, List<Point>> joined = new LinkedHashMap<>();
    for (List<RangeSeries> window : windows) {
      for (RangeSeries series : window) {
        joined.computeIfAbsent(series.labels(), k -> new ArrayList<>()).addAll(series.points());
      }
    }
    List<RangeSeries> result = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<Point>> series : joined.entrySet()) {
      // The windows come in time order, so this stable sort only guards against a server that does not.
      series.getValue().sort(Comparator.comparingLong(Point::timeMillis));
      result.add(new RangeSeries(series.getKey(), List.copyOf(series.getValue())));
    }
    return List.copyOf(result);
  }
}
