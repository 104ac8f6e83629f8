package dev.sredsl.promql;

import java.util.Objects;

/**
 * A binary operation: arithmetic, comparison or set operator. Built with {@code PromQL.binary} and
 * its shorthands ({@code div}, {@code add}, {@code gt}, {@code and}, {@code or}, ...); the printer adds
 * the parentheses precedence needs. The type is a scalar when both sides are scalars, otherwise an
 * instant vector.
 *
 * @param op the operator
 * @param lhs the left operand; not {@code null}
 * @param rhs the right operand; not {@code null}
 * @param returnBool the {@code bool} modifier of a comparison
 * @param matching {@code null} without {@code on} / {@code ignoring}
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching)
    implements Expr {

  public BinaryExpr {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(lhs, "lhs");
    Objects.requireNonNull(rhs, "rhs");
  }

  @Override
  public ValueType type() {
    return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR
        ? ValueType.SCALAR
        : ValueType.INSTANT_VECTOR;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
