package dev.sredsl.promql;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints an expression as canonical PromQL: single spaces around binary operators, {@code by} and
 * {@code without} before the aggregated expression, {@code @} before {@code offset}, and parentheses
 * only where precedence needs them, so that parsing the text gives the same tree back.
 */
public final class Printer {

  private Printer() {}

  /**
   * The canonical PromQL text of a tree; what every node's {@code toString()} returns.
   *
   * @param expr the tree
   * @return the text, which {@code PromQL.parse} reads back as an equal tree
   * @throws IllegalArgumentException if a range, step or offset is not positive (an offset: not zero)
   *     or not a whole number of milliseconds
   */
  public static String print(Expr expr) {
    StringBuilder out = new StringBuilder();
    write(expr, out);
    return out.toString();
  }

  private static void write(Expr expr, StringBuilder out) {
    if (expr instanceof NumberLiteral n) {
      out.append(number(n.value()));
    } else if (expr instanceof StringLiteral s) {
      out.append(PromqlStrings.quote(s.value()));
    } else if (expr instanceof VectorSelector v) {
      selector(v, out);
      modifiers(v.at(), v.offset(), out);
    } else if (expr instanceof MatrixSelector m) {
      selector(m.selector(), out);
      out.append('[').append(PromDuration.format(m.range())).append(']');
      modifiers(m.selector().at(), m.selector().offset(), out);
    } else if (expr instanceof Subquery s) {
      writeOperand(s.expr(), needsParensBeforeBracket(s.expr()), out);
      out.append('[').append(PromDuration.format(s.range())).append(':');
      if (s.step() != null) {
        out.append(PromDuration.format(s.step()));
      }
      out.append(']');
      modifiers(s.at(), s.offset(), out);
    } else if (expr instanceof Call c) {
      out.append(c.function().name());
      arguments(c.args(), out);
    } else if (expr instanceof Aggregation a) {
      out.append(a.op().keyword());
      if (a.without() || !a.grouping().isEmpty()) {
        out.append(a.without() ? " without " : " by ");
        labels(a.grouping(), out);
        out.append(' ');
      }
      arguments(a.param() == null ? List.of(a.expr()) : List.of(a.param(), a.expr()), out);
    } else if (expr instanceof BinaryExpr b) {
      binary(b, out);
    } else if (expr instanceof UnaryExpr u) {
      out.append(u.negative() ? '-' : '+');
      boolean parens = u.expr() instanceof NumberLiteral
          || (u.expr() instanceof BinaryExpr inner && inner.op() != BinaryOp.POW);
      writeOperand(u.expr(), parens, out);
    }
  }

  private static void binary(BinaryExpr b, StringBuilder out) {
    BinaryOp op = b.op();
    writeOperand(b.lhs(), leftNeedsParens(op, b.lhs()), out);
    out.append(' ').append(op.symbol());
    if (b.returnBool()) {
      out.append(" bool");
    }
    StringBuilder right = new StringBuilder();
    writeOperand(b.rhs(), rightNeedsParens(op, b.rhs()), right);
    VectorMatching m = b.matching();
    if (m != null) {
      out.append(m.on() ? " on " : " ignoring ");
      labels(m.labels(), out);
      if (m.group() != null) {
        out.append(' ').append(m.group());
        // Without labels, a '(' right after group_left would be read as its label list.
        if (!m.include().isEmpty() || right.charAt(0) == '(') {
          out.append(' ');
          labels(m.include(), out);
        }
      }
    }
    out.append(' ').append(right);
  }

  private static boolean leftNeedsParens(BinaryOp op, Expr lhs) {
    if (lhs instanceof BinaryExpr inner) {
      return inner.op().precedence() < op.precedence()
          || (inner.op().precedence() == op.precedence() && op.isRightAssociative());
    }
    // A sign binds looser than '^': -a ^ b is -(a ^ b).
    return op == BinaryOp.POW && (lhs instanceof UnaryExpr || isSigned(lhs));
  }

  private static boolean rightNeedsParens(BinaryOp op, Expr rhs) {
    if (rhs instanceof BinaryExpr inner) {
      return inner.op().precedence() < op.precedence()
          || (inner.op().precedence() == op.precedence() && !op.isRightAssociative());
    }
    return false;
  }

  private static boolean needsParensBeforeBracket(Expr expr) {
    return expr instanceof BinaryExpr || expr instanceof UnaryExpr || isSigned(expr);
  }

  private static boolean isSigned(Expr expr) {
    return expr instanceof NumberLiteral n
        && (n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0) || n.value() == Double.NEGATIVE_INFINITY);
  }

  private static void writeOperand(Expr expr, boolean parens, StringBuilder out) {
    if (parens) {
      out.append('(');
    }
    write(expr, out);
    if (parens) {
      out.append(')');
    }
  }

  private static void selector(VectorSelector v, StringBuilder out) {
    if (v.name() != null) {
      out.append(v.name());
    }
    if (!v.matchers().isEmpty() || v.name() == null) {
      out.append(v.matchers().stream().map(LabelMatcher::toString).collect(Collectors.joining(", ", "{", "}")));
    }
  }

  private static void modifiers(At at, Duration offset, StringBuilder out) {
    if (at != null) {
      out.append(" @ ");
      if (at.preprocessor() != null) {
        out.append(at.preprocessor()).append("()");
      } else {
        out.append(number(at.timestamp()));
      }
    }
    if (offset != null) {
      out.append(" offset ");
      if (offset.isNegative()) {
        out.append('-');
      }
      out.append(PromDuration.format(offset.abs()));
    }
  }

  private static void arguments(List<Expr> args, StringBuilder out) {
    out.append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(args.get(i), out);
    }
    out.append(')');
  }

  private static void labels(List<String> labels, StringBuilder out) {
    out.append('(').append(String.join(", ", labels)).append(')');
  }

  /** The shortest text that reads back as exactly this double; no exponent for everyday magnitudes. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-6 && magnitude < 1e15) {
      String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
      return plain;
    }
    return Double.toString(value).toLowerCase(Locale.ROOT);
  }
}
