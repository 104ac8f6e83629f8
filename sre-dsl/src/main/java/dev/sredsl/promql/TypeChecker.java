package dev.sredsl.promql;

/**
 * The checks Prometheus makes on a parsed expression before running it: argument types of functions
 * and aggregations, what binary operators may combine, and selectors that would select everything.
 * Errors name the offending part in words; the column is where the whole expression starts, as the
 * tree keeps no positions.
 */
final class TypeChecker {

  private final java.util.Map<Expr, Integer> positions;

  private TypeChecker(java.util.Map<Expr, Integer> positions) {
    this.positions = positions;
  }

  /** @param positions 0-based start of each node, for the column of a message; may be empty */
  static void check(Expr expr, java.util.Map<Expr, Integer> positions) {
    new TypeChecker(positions).typeOf(expr);
  }

  private ValueType typeOf(Expr expr) {
    if (expr instanceof Aggregation a) {
      expect(a.expr(), ValueType.INSTANT_VECTOR, "the expression aggregated by " + a.op().keyword());
      if (a.op().parameterType() != null) {
        expect(a.param(), a.op().parameterType(), "the parameter of " + a.op().keyword());
      }
    } else if (expr instanceof BinaryExpr b) {
      binary(b);
    } else if (expr instanceof Call c) {
      call(c);
    } else if (expr instanceof UnaryExpr u) {
      ValueType inner = typeOf(u.expr());
      if (inner != ValueType.SCALAR && inner != ValueType.INSTANT_VECTOR) {
        throw fail(u, "a sign applies only to a scalar or an instant vector, not to " + article(inner));
      }
    } else if (expr instanceof Subquery s) {
      ValueType inner = typeOf(s.expr());
      if (inner != ValueType.INSTANT_VECTOR) {
        throw fail(s, "a subquery needs an instant vector inside, got " + article(inner));
      }
    } else if (expr instanceof MatrixSelector m) {
      typeOf(m.selector());
    } else if (expr instanceof VectorSelector v) {
      selector(v);
    }
    return expr.type();
  }

  private void expect(Expr expr, ValueType wanted, String what) {
    ValueType actual = typeOf(expr);
    if (actual != wanted) {
      throw fail(expr, what + " must be " + article(wanted) + ", got " + article(actual) + hint(wanted, actual));
    }
  }

  private static String hint(ValueType wanted, ValueType actual) {
    if (wanted == ValueType.RANGE_VECTOR && actual == ValueType.INSTANT_VECTOR) {
      return "; add a range, e.g. x[5m]";
    }
    if (wanted == ValueType.INSTANT_VECTOR && actual == ValueType.RANGE_VECTOR) {
      return "; wrap the range in a function such as rate(x[5m])";
    }
    return "";
  }

  private void call(Call c) {
    Function f = c.function();
    int n = c.args().size();
    if (n < f.minArgs() || n > f.maxArgs()) {
      String expected = f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs())
          : f.maxArgs() == Integer.MAX_VALUE ? "at least " + f.minArgs()
          : f.minArgs() + " to " + f.maxArgs();
      throw fail(c, f.name() + " takes " + expected + " argument" + (f.maxArgs() == 1 && f.minArgs() == 1 ? "" : "s")
          + ", got " + n);
    }
    for (int i = 0; i < n; i++) {
      expect(c.args().get(i), f.argType(i), "argument " + (i + 1) + " of " + f.name());
    }
  }

  private void binary(BinaryExpr b) {
    ValueType left = typeOf(b.lhs());
    ValueType right = typeOf(b.rhs());
    BinaryOp op = b.op();
    if (b.returnBool() && !op.isComparison()) {
      throw fail(b, "bool applies only to comparisons, not to '" + op.symbol() + "'");
    }
    if (op.isComparison() && !b.returnBool() && left == ValueType.SCALAR && right == ValueType.SCALAR) {
      throw fail(b, "a comparison between two scalars needs bool, e.g. 1 " + op.symbol() + " bool 2");
    }
    VectorMatching m = b.matching();
    if (m != null && m.on() && m.group() != null) {
      for (String label : m.labels()) {
        if (m.include().contains(label)) {
          throw fail(b, "label " + label + " must not be both in on(...) and in " + m.group() + "(...)");
        }
      }
    }
    if (left != ValueType.SCALAR && left != ValueType.INSTANT_VECTOR) {
      throw fail(b, "'" + op.symbol() + "' combines only scalars and instant vectors; its left side is "
          + article(left) + hint(ValueType.INSTANT_VECTOR, left));
    }
    if (right != ValueType.SCALAR && right != ValueType.INSTANT_VECTOR) {
      throw fail(b, "'" + op.symbol() + "' combines only scalars and instant vectors; its right side is "
          + article(right) + hint(ValueType.INSTANT_VECTOR, right));
    }
    boolean bothVectors = left == ValueType.INSTANT_VECTOR && right == ValueType.INSTANT_VECTOR;
    if (!bothVectors) {
      if (m != null && !m.labels().isEmpty()) {
        throw fail(b, "on(...) and ignoring(...) apply only between two instant vectors");
      }
    } else if (op.isSetOperator() && m != null && m.group() != null) {
      throw fail(b, "'" + op.symbol() + "' matches many-to-many and takes no " + m.group());
    }
    if (op.isSetOperator() && (left == ValueType.SCALAR || right == ValueType.SCALAR)) {
      throw fail(b, "'" + op.symbol() + "' applies only between two instant vectors, not to a scalar");
    }
  }

  private void selector(VectorSelector v) {
    if (v.name() != null) {
      for (LabelMatcher m : v.matchers()) {
        if (m.name().equals("__name__")) {
          throw fail(v, "the metric name is given twice: " + v.name() + " and __name__ " + m.type().operator() + " "
              + PromqlStrings.quote(m.value()) + "; keep one");
        }
      }
      return;
    }
    for (LabelMatcher m : v.matchers()) {
      if (!matchesEmpty(m)) {
        return;
      }
    }
    throw fail(v, "a selector without a metric name needs at least one matcher that does not match the empty"
        + " string, e.g. {job=\"api\"}; " + (v.matchers().isEmpty() ? "{} " : v + " ") + "would select every series");
  }

  static boolean matchesEmpty(LabelMatcher m) {
    return switch (m.type()) {
      case EQUAL -> m.value().isEmpty();
      case NOT_EQUAL -> !m.value().isEmpty();
      case REGEX -> regexMatchesEmpty(m.value());
      case NOT_REGEX -> !regexMatchesEmpty(m.value());
    };
  }

  private static boolean regexMatchesEmpty(String regex) {
    try {
      return Re2Syntax.check("^(?:" + regex + ")$");
    } catch (Re2Syntax.Error e) {
      return false; // reported by the parser already
    }
  }

  private PromQLException fail(Expr at, String message) {
    return new PromQLException(positions.getOrDefault(at, 0) + 1, message);
  }

  private static String article(ValueType type) {
    return (type == ValueType.INSTANT_VECTOR ? "an " : "a ") + type.description();
  }
}
