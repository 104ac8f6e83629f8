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
 *
 * <p>prints, with {@code toString()}, as
 * {@code sum by (service) (rate(http_server_requests_seconds_count{outcome="SERVER_ERROR"}[5m]))}.
 *
 * <p>The builders check only what their signatures and the tree's records enforce: a function name
 * must exist, a duration given as text must parse, and required parts must not be {@code null}
 * ({@link NullPointerException}). They do not type-check the arguments; to check a built tree as
 * Prometheus would, parse its text: {@code PromQL.parse(expr.toString())}. A window given as a
 * {@link Duration} is not checked either: one that is not positive or not a whole number of
 * milliseconds makes {@code toString()} throw an {@link IllegalArgumentException}.
 */
public final class PromQL {

  private PromQL() {}

  /**
   * Parses and type-checks an expression with the rules of Prometheus 2.42: syntax, function names
   * and argument types, aggregation parameters, durations, label names, the RE2 syntax of regex
   * matchers, and selectors that would match every series.
   *
   * <pre>{@code
   * Expr e = PromQL.parse("sum(rate(http_server_requests_seconds_count[5m]))");
   * PromQL.parse("rate(x[5m], 1)");  // PromQLException: column 11: expected ')' after the arguments ...
   * }</pre>
   *
   * @param expression the PromQL text
   * @return the tree; printing it gives the canonical form of the text
   * @throws PromQLException naming the column and, in words, what is wrong
   */
  public static Expr parse(String expression) {
    Parser.Parsed parsed = Parser.parse(expression);
    TypeChecker.check(parsed.expr(), parsed.positions());
    return parsed.expr();
  }

  /**
   * Why Prometheus would reject {@code regex} in a {@code =~} or {@code !~} matcher (it anchors the
   * expression and compiles it with Go's RE2 syntax), or {@code null} when it would accept it. RE2
   * rejects constructs Java accepts, such as lookaround and backreferences.
   *
   * @param regex the matcher's value, without the anchors Prometheus adds
   * @return the reason in words, or {@code null} when the regex is valid
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

  /**
   * Every series of a metric, e.g. {@code metric("up")}; narrow it with {@code where(...)} or
   * {@code and(...)}.
   *
   * @param name the metric name
   * @return the selector
   */
  public static VectorSelector metric(String name) {
    return VectorSelector.metric(name);
  }

  /**
   * A selector by matchers only, e.g. {@code {job="api"}}. Prometheus rejects a selector whose
   * matchers all match the empty string, which {@link #parse} reports.
   *
   * @param matchers the matchers, none {@code null}
   * @return the selector, without a metric name
   */
  public static VectorSelector selector(LabelMatcher... matchers) {
    return new VectorSelector(null, List.of(matchers), null, null);
  }

  /**
   * A number literal; prints as the shortest text that reads back as the same double, and {@code NaN},
   * {@code Inf} or {@code -Inf} for those values.
   *
   * @param value the value
   * @return the literal, a scalar
   */
  public static NumberLiteral number(double value) {
    return new NumberLiteral(value);
  }

  /**
   * A string literal, e.g. a label argument of {@code label_replace}; prints double-quoted and escaped.
   *
   * @param value the text, not {@code null}
   * @return the literal
   */
  public static StringLiteral string(String value) {
    return new StringLiteral(value);
  }

  // Functions.

  /**
   * Any function by name, e.g. {@code call("clamp_min", x, number(0))}. The argument count and types
   * are not checked here.
   *
   * @param function a function name as Prometheus 2.42 knows it (case-sensitive)
   * @param args the arguments, none {@code null}
   * @return the call
   * @throws IllegalArgumentException if there is no function of that name
   */
  public static Call call(String function, Expr... args) {
    return new Call(Functions.of(function), List.of(args));
  }

  /**
   * {@code rate(selector[window])}: the per-second increase of a counter, averaged over the window.
   *
   * @param selector the counter's series
   * @param window a Prometheus duration such as {@code "5m"}
   * @return the call, an instant vector
   * @throws IllegalArgumentException if {@code window} is not a positive Prometheus duration
   */
  public static Call rate(VectorSelector selector, String window) {
    return call("rate", selector.range(window));
  }

  /**
   * {@code rate(selector[window])} with the window as a {@link Duration}.
   *
   * @param selector the counter's series
   * @param window positive, a whole number of milliseconds
   * @return the call, an instant vector
   */
  public static Call rate(VectorSelector selector, Duration window) {
    return call("rate", selector.range(window));
  }

  /**
   * {@code irate(selector[window])}: the per-second rate between the last two samples in the window.
   *
   * @param selector the counter's series
   * @param window a Prometheus duration such as {@code "5m"}
   * @return the call, an instant vector
   * @throws IllegalArgumentException if {@code window} is not a positive Prometheus duration
   */
  public static Call irate(VectorSelector selector, String window) {
    return call("irate", selector.range(window));
  }

  /**
   * {@code increase(selector[window])}: how much a counter grew over the window.
   *
   * @param selector the counter's series
   * @param window a Prometheus duration such as {@code "1h"}
   * @return the call, an instant vector
   * @throws IllegalArgumentException if {@code window} is not a positive Prometheus duration
   */
  public static Call increase(VectorSelector selector, String window) {
    return call("increase", selector.range(window));
  }

  /**
   * {@code increase(selector[window])} with the window as a {@link Duration}.
   *
   * @param selector the counter's series
   * @param window positive, a whole number of milliseconds
   * @return the call, an instant vector
   */
  public static Call increase(VectorSelector selector, Duration window) {
    return call("increase", selector.range(window));
  }

  /**
   * {@code <function>_over_time} of a range, e.g. {@code overTime("avg", x, Duration.ofHours(1))}
   * prints {@code avg_over_time(x[1h])}. A selector gets a plain range; any other expression becomes a
   * subquery at the default resolution, e.g. {@code avg_over_time(sum(x)[1h:])}.
   *
   * @param aggregation the prefix of a one-argument {@code _over_time} function: {@code avg},
   *     {@code min}, {@code max}, {@code sum}, {@code count}, {@code last}, {@code present},
   *     {@code stddev}, {@code stdvar} or {@code absent}
   * @param series the series to aggregate over time; an instant vector
   * @param window the range, positive and a whole number of milliseconds
   * @return the call, an instant vector
   * @throws IllegalArgumentException if {@code <aggregation>_over_time} is not a function
   */
  public static Call overTime(String aggregation, Expr series, Duration window) {
    Expr range = series instanceof VectorSelector vs ? vs.range(window) : new Subquery(series, window, null, null, null);
    return call(aggregation + "_over_time", range);
  }

  /**
   * {@code histogram_quantile(quantile, buckets)}: a quantile estimated from cumulative buckets.
   *
   * <pre>{@code
   * histogramQuantile(0.99, sum(rate(metric("http_server_requests_seconds_bucket"), "5m")).by("le"))
   * }</pre>
   *
   * @param quantile from 0 to 1, e.g. 0.99
   * @param buckets bucket rates that keep the {@code le} label, e.g. {@code sum by (le) (rate(...))}
   * @return the call, an instant vector
   */
  public static Call histogramQuantile(double quantile, Expr buckets) {
    return call("histogram_quantile", number(quantile), buckets);
  }

  /**
   * {@code absent(expr)}: a single series of value 1 when {@code expr} returns nothing, e.g. to alert
   * on a target that stopped reporting.
   *
   * @param expr an instant vector
   * @return the call, an instant vector
   */
  public static Call absent(Expr expr) {
    return call("absent", expr);
  }

  /**
   * {@code vector(value)}: one series without labels, e.g. {@code or vector(0)} as a default.
   *
   * @param value the value
   * @return the call, an instant vector
   */
  public static Call vector(double value) {
    return call("vector", number(value));
  }

  // Aggregations; add grouping with .by(...) or .without(...).

  /**
   * {@code sum(expr)}: the total over all series, or per group with {@code .by(...)}, e.g.
   * {@code sum(rate(metric("x_total"), "5m")).by("service")}.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation sum(Expr expr) {
    return aggregate(AggregationOp.SUM, expr);
  }

  /**
   * {@code avg(expr)}: the mean over the series.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation avg(Expr expr) {
    return aggregate(AggregationOp.AVG, expr);
  }

  /**
   * {@code min(expr)}: the smallest value over the series.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation min(Expr expr) {
    return aggregate(AggregationOp.MIN, expr);
  }

  /**
   * {@code max(expr)}: the largest value over the series, e.g. the busiest instance.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation max(Expr expr) {
    return aggregate(AggregationOp.MAX, expr);
  }

  /**
   * {@code count(expr)}: the number of series.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation count(Expr expr) {
    return aggregate(AggregationOp.COUNT, expr);
  }

  /**
   * {@code group(expr)}: 1 for each group that has series.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation group(Expr expr) {
    return aggregate(AggregationOp.GROUP, expr);
  }

  /**
   * {@code stddev(expr)}: the population standard deviation over the series.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation stddev(Expr expr) {
    return aggregate(AggregationOp.STDDEV, expr);
  }

  /**
   * {@code stdvar(expr)}: the population variance over the series.
   *
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation stdvar(Expr expr) {
    return aggregate(AggregationOp.STDVAR, expr);
  }

  /**
   * {@code topk(k, expr)}: the {@code k} series with the largest values, with their labels.
   *
   * @param k how many series to keep
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation topk(int k, Expr expr) {
    return new Aggregation(AggregationOp.TOPK, number(k), expr, List.of(), false);
  }

  /**
   * {@code bottomk(k, expr)}: the {@code k} series with the smallest values, with their labels.
   *
   * @param k how many series to keep
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation bottomk(int k, Expr expr) {
    return new Aggregation(AggregationOp.BOTTOMK, number(k), expr, List.of(), false);
  }

  /**
   * {@code quantile(q, expr)}: the q-quantile of the values across the series (not a latency
   * histogram; for that see {@link #histogramQuantile}).
   *
   * @param q from 0 to 1
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation quantile(double q, Expr expr) {
    return new Aggregation(AggregationOp.QUANTILE, number(q), expr, List.of(), false);
  }

  /**
   * {@code count_values("label", expr)}: how many series have each value, the value put in
   * {@code label}.
   *
   * @param label the name of the output label
   * @param expr an instant vector
   * @return the aggregation, without grouping
   */
  public static Aggregation countValues(String label, Expr expr) {
    return new Aggregation(AggregationOp.COUNT_VALUES, string(label), expr, List.of(), false);
  }

  private static Aggregation aggregate(AggregationOp op, Expr expr) {
    return new Aggregation(op, null, expr, List.of(), false);
  }

  // Binary operators.

  /**
   * {@code lhs op rhs} for any operator, without {@code bool} and without {@code on} or
   * {@code ignoring}: between two vectors, series are paired when all their labels are equal. The
   * printer adds the parentheses precedence needs.
   *
   * @param op the operator
   * @param lhs the left operand
   * @param rhs the right operand
   * @return the operation
   */
  public static BinaryExpr binary(BinaryOp op, Expr lhs, Expr rhs) {
    return new BinaryExpr(op, lhs, rhs, false, null);
  }

  /**
   * {@code lhs / rhs}. For a ratio of counters, prefer {@link #ratioOfRates}.
   *
   * @param lhs the dividend
   * @param rhs the divisor
   * @return the operation
   */
  public static BinaryExpr div(Expr lhs, Expr rhs) {
    return binary(BinaryOp.DIV, lhs, rhs);
  }

  /**
   * {@code lhs * rhs}.
   *
   * @param lhs the left operand
   * @param rhs the right operand
   * @return the operation
   */
  public static BinaryExpr mul(Expr lhs, Expr rhs) {
    return binary(BinaryOp.MUL, lhs, rhs);
  }

  /**
   * {@code lhs + rhs}.
   *
   * @param lhs the left operand
   * @param rhs the right operand
   * @return the operation
   */
  public static BinaryExpr add(Expr lhs, Expr rhs) {
    return binary(BinaryOp.ADD, lhs, rhs);
  }

  /**
   * {@code lhs - rhs}.
   *
   * @param lhs the left operand
   * @param rhs the right operand
   * @return the operation
   */
  public static BinaryExpr sub(Expr lhs, Expr rhs) {
    return binary(BinaryOp.SUB, lhs, rhs);
  }

  /**
   * {@code lhs > threshold}: keeps the series above the threshold, as an alert condition does.
   *
   * @param lhs the value compared
   * @param threshold the threshold
   * @return the comparison, without {@code bool}
   */
  public static BinaryExpr gt(Expr lhs, double threshold) {
    return binary(BinaryOp.GT, lhs, number(threshold));
  }

  /**
   * {@code lhs < threshold}: keeps the series below the threshold.
   *
   * @param lhs the value compared
   * @param threshold the threshold
   * @return the comparison, without {@code bool}
   */
  public static BinaryExpr lt(Expr lhs, double threshold) {
    return binary(BinaryOp.LT, lhs, number(threshold));
  }

  /**
   * {@code lhs and rhs}: the series of {@code lhs} that have a series with the same labels in
   * {@code rhs}, e.g. both windows of a burn-rate alert above their threshold.
   *
   * @param lhs an instant vector
   * @param rhs an instant vector
   * @return the operation
   */
  public static BinaryExpr and(Expr lhs, Expr rhs) {
    return binary(BinaryOp.AND, lhs, rhs);
  }

  /**
   * {@code lhs or rhs}: all series of {@code lhs}, plus those of {@code rhs} whose labels {@code lhs}
   * lacks, e.g. {@code or(x, vector(0))} for a default of 0.
   *
   * @param lhs an instant vector
   * @param rhs an instant vector
   * @return the operation
   */
  public static BinaryExpr or(Expr lhs, Expr rhs) {
    return binary(BinaryOp.OR, lhs, rhs);
  }

  /**
   * {@code (sum(rate(part[window])) or vector(0)) / sum(rate(whole[window]))}: the share of events,
   * e.g. failed requests. Both sides are summed before dividing: a ratio of sums, never a sum of
   * ratios. Instrumentation libraries create a series on its first event (Micrometer has no
   * {@code outcome="SERVER_ERROR"} series before the first failure), so a missing part counts as 0:
   * a healthy service has an error ratio of 0, not none. Without any traffic there is still none.
   *
   * @param part the series of the events counted, e.g. failed requests
   * @param whole the series of all events, e.g. all requests
   * @param window the rate window, positive and a whole number of milliseconds
   * @return the ratio, one series without labels
   */
  public static BinaryExpr ratioOfRates(VectorSelector part, VectorSelector whole, Duration window) {
    return div(or(sum(rate(part, window)), vector(0)), sum(rate(whole, window)));
  }

  /**
   * {@code sum(rate(part[window])) / sum(rate(whole[window]))}: the share of events where a missing part
   * means the events are not measured, not that none happened. A histogram bucket whose bound the
   * application does not publish is such a part: unlike {@link #ratioOfRates}, which would count it as
   * 0 (no request was fast), the ratio then has no result at all. A part that exists and counts
   * nothing still gives 0.
   *
   * @param part the series of the events counted, e.g. the requests in the bucket of a latency threshold
   * @param whole the series of all events, e.g. all requests
   * @param window the rate window, positive and a whole number of milliseconds
   * @return the ratio, one series without labels, or none while either side has no series
   */
  public static BinaryExpr ratioOfRatesWithoutDefault(VectorSelector part, VectorSelector whole, Duration window) {
    return div(sum(rate(part, window)), sum(rate(whole, window)));
  }

  /**
   * {@code lhs op on(labels) rhs}, or with {@code ignoring}, {@code group_left} ... via {@code matching}.
   *
   * <pre>{@code
   * binary(BinaryOp.DIV, metric("a"), metric("b"), VectorMatching.on("instance").groupLeft("pod"))
   * // a / on (instance) group_left (pod) b
   * }</pre>
   *
   * @param op the operator
   * @param lhs the left operand
   * @param rhs the right operand
   * @param matching how series of the two sides are paired; {@code null} for the default (all labels)
   * @return the operation
   */
  public static BinaryExpr binary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching) {
    return new BinaryExpr(op, lhs, rhs, false, matching);
  }
}
