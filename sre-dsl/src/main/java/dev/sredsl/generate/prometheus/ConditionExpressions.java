package dev.sredsl.generate.prometheus;

import dev.sredsl.generate.Numbers;
import dev.sredsl.model.Condition;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Signal;
import dev.sredsl.promql.Selector;

/** Turns an alert's typed condition into the PromQL of its rule, over the service's own series. */
final class ConditionExpressions {

  private ConditionExpressions() {}

  static String of(Service service, Condition condition) {
    // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed type.
    if (condition instanceof Condition.ErrorRatio c) {
      RequestMetrics r = service.requests();
      // Numerator and denominator are summed before dividing: a ratio of sums, never a sum of ratios.
      return "sum(rate(" + r.failedRequests().range(c.window()) + "))"
          + " / sum(rate(" + r.requests().range(c.window()) + "))"
          + " " + c.comparison().operator() + " " + Numbers.format(c.threshold());
    }
    if (condition instanceof Condition.LatencyQuantile c) {
      Selector buckets = service.requests().buckets();
      return "histogram_quantile(" + Numbers.format(c.quantile()) + ", sum by (le) (rate("
          + buckets.range(c.window()) + ")))"
          + " " + c.comparison().operator() + " " + Numbers.seconds(c.threshold());
    }
    if (condition instanceof Condition.Traffic c) {
      return "sum(rate(" + service.requests().requests().range(c.window()) + "))"
          + " " + c.comparison().operator() + " " + Numbers.format(c.requestsPerSecond());
    }
    if (condition instanceof Condition.SignalThreshold c) {
      Signal signal = service.signal(c.signal()).orElseThrow();
      return "(" + signal.expression() + ") " + c.comparison().operator() + " " + Numbers.format(c.threshold());
    }
    if (condition instanceof Condition.Raw c) {
      return c.expression().strip();
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }
}
