package dev.sredsl.promql;

import java.util.Objects;

/**
 * A unary sign applied to an expression, e.g. {@code -rate(x[5m])}. A sign before a number literal
 * is folded into the literal, as Prometheus does.
 *
 * @param negative {@code true} for {@code -}, {@code false} for {@code +}
 * @param expr the operand, a scalar or an instant vector; not {@code null}
 */
public record UnaryExpr(boolean negative, Expr expr) implements Expr {

  public UnaryExpr {
    Objects.requireNonNull(expr, "expr");
  }

  @Override
  public ValueType type() {
    return expr.type();
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
