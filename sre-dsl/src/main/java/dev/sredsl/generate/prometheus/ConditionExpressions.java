package dev.sredsl.generate.prometheus;

import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.histogramQuantile;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.rate;
import static dev.sredsl.promql.PromQL.ratioOfRates;
import static dev.sredsl.promql.PromQL.sum;

import dev.sredsl.model.Comparison;
import dev.sredsl.model.Condition;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromQL;

/** Turns an alert's typed condition into the PromQL of its rule, over the service's own series. */
final class ConditionExpressions {

  private ConditionExpressions() {}

  static Expr of(Service service, Condition condition) {
    // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed type.
    if (condition instanceof Condition.ErrorRatio c) {
      RequestMetrics r = service.requests();
      return compare(ratioOfRates(r.failedRequests(), r.requests(), c.window()), c.comparison(), c.threshold());
    }
    if (condition instanceof Condition.LatencyQuantile c) {
      Expr quantile = histogramQuantile(c.quantile(), sum(rate(service.requests().buckets(), c.window())).by("le"));
      return compare(quantile, c.comparison(), c.threshold().toNanos() / 1e9);
    }
    if (condition instanceof Condition.Traffic c) {
      return compare(sum(rate(service.requests().requests(), c.window())), c.comparison(), c.requestsPerSecond());
    }
    if (condition instanceof Condition.SignalThreshold c) {
      Expr signal = PromQL.parse(service.signal(c.signal()).orElseThrow().expression());
      return compare(signal, c.comparison(), c.threshold());
    }
    if (condition instanceof Condition.Raw c) {
      return PromQL.parse(c.expression());
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  private static Expr compare(Expr value, Comparison comparison, double threshold) {
    return binary(comparison == Comparison.ABOVE ? BinaryOp.GT : BinaryOp.LT, value, number(threshold));
  }
}
