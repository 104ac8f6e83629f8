package dev.sredsl.verify;

import dev.sredsl.promql.BinaryExpr;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.NumberLiteral;
import dev.sredsl.promql.PromQL;
import dev.sredsl.verify.PrometheusApi.RangeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Replays an alert over a window of the server's history: its expression, with the recording rules it
 * reads inlined, is evaluated at every evaluation of the window by range queries, and
 * {@link AlertStates} turns the results into the episodes Prometheus would have fired.
 */
public final class Backtest {

  private final PrometheusApi api;
  private final Duration step;

  /** @param step the rule evaluation interval: the spacing of the evaluations replayed */
  public Backtest(PrometheusApi api, Duration step) {
    this.api = api;
    this.step = step;
  }

  /**
   * What an alert did over a window.
   *
   * @param query the expression evaluated, recording rules inlined
   * @param episodes the times it fired, overlapping the window
   * @param evaluable whether the expression, comparisons taken away, gave any series in the window;
   *     an alert that could not be evaluated has no episodes for a reason other than quiet traffic
   */
  public record Replay(LoadedRule alert, String query, List<Episode> episodes, boolean evaluable) {

    /** The time it fired within the window. */
    public Duration firing(Instant windowStart) {
      return Duration.ofMillis(episodes.stream()
          .mapToLong(e -> e.endMillis() - Math.max(e.startMillis(), windowStart.toEpochMilli())).sum());
    }
  }

  /**
   * @param inlined the alert's expression with its recording rules inlined
   * @param start the window's first evaluation (aligned down to the step)
   * @param end the window's last evaluation (aligned down to the step)
   */
  public Replay run(LoadedRule alert, Expr inlined, Instant start, Instant end) {
    long stepMillis = step.toMillis();
    long windowStart = Math.floorDiv(start.toEpochMilli(), stepMillis) * stepMillis;
    long windowEnd = Math.floorDiv(end.toEpochMilli(), stepMillis) * stepMillis;
    // Begin early by 'for', so that an alert already pending when the window opens is seen from the start.
    long queryStart = windowStart - ceil(alert.forDuration().toMillis(), stepMillis);
    String query = inlined.toString();
    List<RangeSeries> results = api.queryRange(query, Instant.ofEpochMilli(queryStart),
        Instant.ofEpochMilli(windowEnd), step);
    List<Episode> episodes = AlertStates.episodes(results, queryStart, windowEnd, step, alert.forDuration(),
        alert.keepFiringFor()).stream().filter(e -> e.endMillis() > windowStart).toList();
    boolean evaluable = !episodes.isEmpty() || !results.isEmpty()
        || !api.queryRange(withoutComparisons(inlined).toString(), Instant.ofEpochMilli(windowStart),
            Instant.ofEpochMilli(windowEnd), step).isEmpty();
    return new Replay(alert, query, episodes, evaluable);
  }

  /**
   * The expression with each filtering comparison replaced by its vector side: what the alert compares
   * against its thresholds; and each {@code absent} or {@code absent_over_time} by what it watches,
   * since a missing-data alert is silent exactly while its input is there. When that gives nothing
   * either, the alert had no data to judge.
   */
  static Expr withoutComparisons(Expr expr) {
    return ExprTree.rewrite(expr, node -> {
      if (node instanceof Call c && c.function().name().equals("absent")) {
        return withoutComparisons(c.args().get(0));
      }
      if (node instanceof Call c && c.function().name().equals("absent_over_time")) {
        return PromQL.call("count_over_time", c.args().get(0));
      }
      if (node instanceof BinaryExpr b && b.op().isComparison() && !b.returnBool()) {
        Expr side = b.rhs() instanceof NumberLiteral ? b.lhs() : b.lhs() instanceof NumberLiteral ? b.rhs() : b.lhs();
        return withoutComparisons(side);
      }
      return null;
    });
  }

  private static long ceil(long value, long unit) {
    return Math.floorDiv(value + unit - 1, unit) * unit;
  }
}
