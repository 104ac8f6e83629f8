package dev.sredsl.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * A subquery, {@code expr[range:step] @ at offset offset}: an instant-vector expression evaluated
 * at steps over a range, giving a range vector. {@code PromQL.overTime} builds one for anything but
 * a plain selector.
 *
 * @param expr the expression evaluated at each step, an instant vector; not {@code null}
 * @param range how far back; not {@code null}
 * @param step {@code null} for the default resolution ({@code [5m:]})
 * @param offset {@code null} when none; may be negative
 * @param at {@code null} when none
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
