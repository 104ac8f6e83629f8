package dev.sredsl.promql;

import java.util.List;
import java.util.Objects;

/**
 * An aggregation, e.g. {@code sum by (service) (x)} or {@code topk(5, x)}. Built with the static
 * methods of {@link PromQL} ({@code sum}, {@code max}, {@code topk}, ...) and grouped with
 * {@link #by} or {@link #without}:
 *
 * <pre>{@code
 * sum(rate(metric("http_server_requests_seconds_count"), "5m")).by("uri", "method")
 * // sum by (uri, method) (rate(http_server_requests_seconds_count[5m]))
 * }</pre>
 *
 * @param op the operator
 * @param param the parameter of {@code topk}, {@code bottomk}, {@code quantile}, {@code count_values};
 *     otherwise {@code null}
 * @param expr the aggregated expression, an instant vector; not {@code null}
 * @param grouping the labels of {@code by} or {@code without}; empty for neither
 * @param without whether {@code grouping} lists the labels to drop
 */
public record Aggregation(AggregationOp op, Expr param, Expr expr, List<String> grouping, boolean without)
    implements Expr {

  public Aggregation {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(expr, "expr");
    grouping = List.copyOf(grouping);
  }

  /**
   * The same aggregation, one result per combination of the given labels, which are the only ones
   * kept. Replaces any earlier {@code by} or {@code without}.
   *
   * @param labels label names, none {@code null}; none at all aggregates everything
   * @return the grouped aggregation
   */
  public Aggregation by(String... labels) {
    return new Aggregation(op, param, expr, List.of(labels), false);
  }

  /**
   * The same aggregation, dropping the given labels and keeping all others. Replaces any earlier
   * {@code by} or {@code without}.
   *
   * @param labels label names, none {@code null}
   * @return the grouped aggregation
   */
  public Aggregation without(String... labels) {
    return new Aggregation(op, param, expr, List.of(labels), true);
  }

  @Override
  public ValueType type() {
    return ValueType.INSTANT_VECTOR;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
