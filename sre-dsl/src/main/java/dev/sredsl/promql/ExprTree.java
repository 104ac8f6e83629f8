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

  /**
   * Rebuilds the tree top-down: {@code replacer} sees each node first; when it returns a replacement,
   * that replaces the node and its subtree as they are, otherwise ({@code null}) the node is kept and
   * its children are rewritten the same way. E.g. to replace the selectors of a recorded series, or a
   * range selector over one, by the expression that records it.
   *
   * @param expr the root
   * @param replacer the replacement of a node, or {@code null} to keep it and look at its children
   */
  public static Expr rewrite(Expr expr, java.util.function.Function<Expr, Expr> replacer) {
    Expr replacement = replacer.apply(expr);
    if (replacement != null) {
      return replacement;
    }
    if (expr instanceof Subquery s) {
      return new Subquery(rewrite(s.expr(), replacer), s.range(), s.step(), s.offset(), s.at());
    } else if (expr instanceof Call c) {
      return new Call(c.function(), c.args().stream().map(a -> rewrite(a, replacer)).toList());
    } else if (expr instanceof Aggregation a) {
      return new Aggregation(a.op(), a.param() == null ? null : rewrite(a.param(), replacer),
          rewrite(a.expr(), replacer), a.grouping(), a.without());
    } else if (expr instanceof BinaryExpr b) {
      return new BinaryExpr(b.op(), rewrite(b.lhs(), replacer), rewrite(b.rhs(), replacer), b.returnBool(),
          b.matching());
    } else if (expr instanceof UnaryExpr u) {
      return new UnaryExpr(u.negative(), rewrite(u.expr(), replacer));
    }
    // Selectors and literals have no children to rewrite; a range selector's selector is part of it.
    return expr;
  }
}
