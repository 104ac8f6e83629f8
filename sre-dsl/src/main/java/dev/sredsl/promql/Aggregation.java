package dev.sredsl.promql;

import java.util.List;
import java.util.Objects;

/**
 * An aggregation, e.g. {@code sum by (service) (x)} or {@code topk(5, x)}.
 *
 * @param param the parameter of {@code topk}, {@code bottomk}, {@code quantile}, {@code count_values};
 *     otherwise {@code null}
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

  /** The same aggregation, keeping only the given labels. */
  public Aggregation by(String... labels) {
    return new Aggregation(op, param, expr, List.of(labels), false);
  }

  /** The same aggregation, dropping the given labels. */
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
