package dev.sredsl.promql;

/**
 * A PromQL expression tree. Instances are immutable values: two trees are equal when they mean the
 * same expression as written, parentheses aside (the printer adds the ones precedence needs, and
 * {@code PromQL.parse(e.toString())} equals {@code e}). {@code toString()} prints canonical PromQL.
 *
 * <p>Build trees with the static methods of {@link PromQL}, or parse text with {@code PromQL.parse}:
 *
 * <pre>{@code
 * Expr errors = sum(rate(metric("http_server_requests_seconds_count").where("outcome", "SERVER_ERROR"), "5m"));
 * errors.toString();  // sum(rate(http_server_requests_seconds_count{outcome="SERVER_ERROR"}[5m]))
 * errors.type();      // INSTANT_VECTOR
 * }</pre>
 */
public sealed interface Expr
    permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, Subquery, Call, Aggregation,
        BinaryExpr, UnaryExpr {

  /**
   * The type the expression evaluates to, as far as its shape tells: a selector is an instant vector,
   * a call has its function's return type. The full type check is done by {@code PromQL.parse}.
   *
   * @return the type
   */
  ValueType type();
}
