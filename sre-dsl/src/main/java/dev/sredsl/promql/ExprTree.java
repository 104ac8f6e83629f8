package dev.sredsl.promql;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Walks an expression tree: one place that knows which nodes have which children. */
public final class ExprTree {

  private ExprTree() {}

  /**
   * The direct sub-expressions of {@code expr}, in the order they are written.
   *
   * @param expr any node
   * @return its children; empty for a literal or a vector selector
   */
  public static List<Expr> children(Expr expr) {
    if (expr instanceof MatrixSelector m) {
      return List.of(m.selector());
    } else if (expr instanceof Subquery s) {
      return List.of(s.expr());
    } else if (expr instanceof Call c) {
      return c.args();
    } else if (expr instanceof Aggregation a) {
      return a.param() == null ? List.of(a.expr()) : List.of(a.param(), a.expr());
    } else if (expr instanceof BinaryExpr b) {
      return List.of(b.lhs(), b.rhs());
    } else if (expr instanceof UnaryExpr u) {
      return List.of(u.expr());
    }
    return List.of();
  }

  /**
   * Visits every node, parents before children, e.g. to find every vector selector of a tree.
   *
   * @param expr the root
   * @param visitor called once per node, the root first
   */
  public static void walk(Expr expr, Consumer<Expr> visitor) {
    walk(expr, (node, parent) -> visitor.accept(node));
  }

  /**
   * Visits every node with its parent ({@code null} at the root), parents before children.
   *
   * @param expr the root
   * @param visitor called once per node with the node and its parent
   */
  public static void walk(Expr expr, BiConsumer<Expr, Expr> visitor) {
    walk(expr, null, visitor);
  }

  private static void walk(Expr expr, Expr parent, BiConsumer<Expr, Expr> visitor) {
    visitor.accept(expr, parent);
    for (Expr child : children(expr)) {
      walk(child, expr, visitor);
    }
  }
}
