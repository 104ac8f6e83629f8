package dev.sredsl.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * A range-vector selector, {@code selector[range]}. An offset or {@code @} of the whole selector lives
 * on the inner vector selector, as in Prometheus, and prints after the range. Built with
 * {@code VectorSelector.range(...)}.
 *
 * @param selector the series; not {@code null}
 * @param range how far back from the evaluation time; not {@code null}, positive and a whole number
 *     of milliseconds to print
 */
public record MatrixSelector(VectorSelector selector, Duration range) implements Expr {

  public MatrixSelector {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(range, "range");
  }

  @Override
  public ValueType type() {
    return ValueType.RANGE_VECTOR;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
