package dev.sredsl.promql;

import java.util.Objects;

/**
 * A binary operation.
 *
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
