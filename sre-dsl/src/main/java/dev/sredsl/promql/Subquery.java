package dev.sredsl.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * A subquery, {@code expr[range:step] @ at offset offset}.
 *
 * @param step {@code null} for the default resolution ({@code [5m:]})
 */
public record Subquery(Expr expr, Duration range, Duration step, Duration offset, At at) implements Expr {

  public Subquery {
    Objects.requireNonNull(expr, "expr");
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
