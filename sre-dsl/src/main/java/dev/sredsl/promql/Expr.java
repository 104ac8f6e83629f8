package dev.sredsl.promql;

/**
 * A PromQL expression tree. Instances are immutable values: two trees are equal when they mean the
 * same expression as written, parentheses aside (the printer adds the ones precedence needs, and
 * {@code PromQL.parse(e.toString())} equals {@code e}). {@link #toString()} prints canonical PromQL.
 */
public sealed interface Expr
    permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, Subquery, Call, Aggregation,
        BinaryExpr, UnaryExpr {

  /** The type the expression evaluates to. */
  ValueType type();
}
