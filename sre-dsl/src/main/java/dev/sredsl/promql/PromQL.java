package dev.sredsl.promql;

import java.time.Duration;
import java.util.List;

/**
 * Entry point of the PromQL support: {@link #parse} checks hand-written expressions the way
 * Prometheus 2.x does; the static builders write expressions that read like PromQL:
 *
 * <pre>{@code
 * sum(rate(metric("http_server_requests_seconds_count").where("outcome", "SERVER_ERROR"), "5m")).by("service")
 * }</pre>
 */
public final class PromQL {

  private PromQL() {}

  /**
   * Parses and type-checks an expression.
   *
   * @throws PromQLException naming the column and, in words, what is wrong
   */
  public static Expr parse(String expression) {
    Parser.Parsed parsed = Parser.parse(expression);
    TypeChecker.check(parsed.expr(), parsed.positions());
    return parsed.expr();
  }

  /**
   * Why Prometheus would reject {@code regex} in a {@code =~} or {@code !~} matcher (it anchors the
   * expression and compiles it with Go's RE2 syntax), or {@code null} when it would accept it.
   */
  public static String regexProblem(String regex) {
    try {
      // Prometheus compiles the anchored form and also parses the expression on its own, so
      // "a)|(b", balanced only once wrapped, is rejected too.
      Re2Syntax.check("^(?:" + regex + ")$");
      Re2Syntax.check(regex);
      return null;
    } catch (Re2Syntax.Error e) {
      return e.getMessage();
    }
  }

  // Selectors and literals.

  public static VectorSelector metric(String name) {
    return VectorSelector.metric(name);
  }

  /** A selector by matchers only, e.g. {@code {job="api"}}. */
  public static VectorSelector selector(LabelMatcher... matchers) {
    return new VectorSelector(null, List.of(matchers), null, null);
  }

  public static NumberLiteral number(double value) {
    return new NumberLiteral(value);
  }

  public static StringLiteral string(String value) {
    return new StringLiteral(value);
  }

  // Functions.

  /** Any function by name, e.g. {@code call("clamp_min", x, number(0))}. */
  public static Call call(String function, Expr... args) {
    return new Call(Functions.of(function), List.of(args));
  }

  public static Call rate(VectorSelector selector, String window) {
    return call("rate", selector.range(window));
  }

  public static Call rate(VectorSelector selector, Duration window) {
    return call("rate", selector.range(window));
  }

  public static Call irate(VectorSelector selector, String window) {
    return call("irate", selector.range(window));
  }

  public static Call increase(VectorSelector selector, String window) {
    return call("increase", selector.range(window));
  }

  public static Call increase(VectorSelector selector, Duration window) {
    return call("increase", selector.range(window));
  }

  /** {@code <function>_over_time} of a range, e.g. {@code overTime("avg", x, "1h")}. */
  public static Call overTime(String aggregation, Expr series, Duration window) {
    Expr range = series instanceof VectorSelector vs ? vs.range(window) : new Subquery(series, window, null, null, null);
    return call(aggregation + "_over_time", range);
  }

  public static Call histogramQuantile(double quantile, Expr buckets) {
    return call("histogram_quantile", number(quantile), buckets);
  }

  public static Call absent(Expr expr) {
    return call("absent", expr);
  }

  public static Call vector(double value) {
    return call("vector", number(value));
  }

  // Aggregations; add grouping with .by(...) or .without(...).

  public static Aggregation sum(Expr expr) {
    return aggregate(AggregationOp.SUM, expr);
  }

  public static Aggregation avg(Expr expr) {
    return aggregate(AggregationOp.AVG, expr);
  }

  public static Aggregation min(Expr expr) {
    return aggregate(AggregationOp.MIN, expr);
  }

  public static Aggregation max(Expr expr) {
    return aggregate(AggregationOp.MAX, expr);
  }

  public static Aggregation count(Expr expr) {
    return aggregate(AggregationOp.COUNT, expr);
  }

  public static Aggregation group(Expr expr) {
    return aggregate(AggregationOp.GROUP, expr);
  }

  public static Aggregation stddev(Expr expr) {
    return aggregate(AggregationOp.STDDEV, expr);
  }

  public static Aggregation stdvar(Expr expr) {
    return aggregate(AggregationOp.STDVAR, expr);
  }

  public static Aggregation topk(int k, Expr expr) {
    return new Aggregation(AggregationOp.TOPK, number(k), expr, List.of(), false);
  }

  public static Aggregation bottomk(int k, Expr expr) {
    return new Aggregation(AggregationOp.BOTTOMK, number(k), expr, List.of(), false);
  }

  public static Aggregation quantile(double q, Expr expr) {
    return new Aggregation(AggregationOp.QUANTILE, number(q), expr, List.of(), false);
  }

  public static Aggregation countValues(String label, Expr expr) {
    return new Aggregation(AggregationOp.COUNT_VALUES, string(label), expr, List.of(), false);
  }

  private static Aggregation aggregate(AggregationOp op, Expr expr) {
    return new Aggregation(op, null, expr, List.of(), false);
  }

  // Binary operators.

  public static BinaryExpr binary(BinaryOp op, Expr lhs, Expr rhs) {
    return new BinaryExpr(op, lhs, rhs, false, null);
  }

  public static BinaryExpr div(Expr lhs, Expr rhs) {
    return binary(BinaryOp.DIV, lhs, rhs);
  }

  public static BinaryExpr mul(Expr lhs, Expr rhs) {
    return binary(BinaryOp.MUL, lhs, rhs);
  }

  public static BinaryExpr add(Expr lhs, Expr rhs) {
    return binary(BinaryOp.ADD, lhs, rhs);
  }

  public static BinaryExpr sub(Expr lhs, Expr rhs) {
    return binary(BinaryOp.SUB, lhs, rhs);
  }

  public static BinaryExpr gt(Expr lhs, double threshold) {
    return binary(BinaryOp.GT, lhs, number(threshold));
  }

  public static BinaryExpr lt(Expr lhs, double threshold) {
    return binary(BinaryOp.LT, lhs, number(threshold));
  }

  public static BinaryExpr and(Expr lhs, Expr rhs) {
    return binary(BinaryOp.AND, lhs, rhs);
  }

  public static BinaryExpr or(Expr lhs, Expr rhs) {
    return binary(BinaryOp.OR, lhs, rhs);
  }

  /**
   * {@code (sum(rate(part[window])) or vector(0)) / sum(rate(whole[window]))}: the share of events,
   * e.g. failed requests. Both sides are summed before dividing: a ratio of sums, never a sum of
   * ratios. Instrumentation libraries create a series on its first event (Micrometer has no
   * {@code outcome="SERVER_ERROR"} series before the first failure), so a missing part counts as 0:
   * a healthy service has an error ratio of 0, not none. Without any traffic there is still none.
   */
  public static BinaryExpr ratioOfRates(VectorSelector part, VectorSelector whole, Duration window) {
    return div(or(sum(rate(part, window)), vector(0)), sum(rate(whole, window)));
  }

  /** {@code lhs op on(labels) rhs}, or with {@code ignoring}, {@code group_left} ... via {@code matching}. */
  public static BinaryExpr binary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching) {
    return new BinaryExpr(op, lhs, rhs, false, matching);
  }
}
