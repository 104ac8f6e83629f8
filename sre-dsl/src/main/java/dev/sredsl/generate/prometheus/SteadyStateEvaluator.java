package dev.sredsl.generate.prometheus;

import dev.sredsl.promql.Aggregation;
import dev.sredsl.promql.BinaryExpr;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.NumberLiteral;
import dev.sredsl.promql.UnaryExpr;
import dev.sredsl.promql.VectorMatching;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Evaluates a PromQL expression over synthetic series that do not change: gauges hold one value,
 * counters grow at one whole rate per second. For such input the value of most expressions is exact
 * and needs no time series engine, which lets the test generator search for input under which an
 * alert fires and input under which it stays silent. Expressions outside the supported subset give
 * {@link Unsupported}.
 */
final class SteadyStateEvaluator {

  /** The expression uses something this evaluator does not simulate. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * One synthetic series.
   *
   * @param labels all labels, {@code __name__} included
   * @param value a gauge's value, or a counter's increase per second
   * @param counter whether the series is read through rate-like functions
   */
  record Series(Map<String, String> labels, double value, boolean counter) {}

  /** A sample of the result: labels and value. */
  record Sample(Map<String, String> labels, double value) {}

  private static final Set<String> SAME_VALUE_OVER_TIME = Set.of("avg_over_time", "min_over_time", "max_over_time",
      "last_over_time", "quantile_over_time");

  private final List<Series> series;
  private final Duration evalTime;

  SteadyStateEvaluator(List<Series> series, Duration evalTime) {
    this.series = series;
    this.evalTime = evalTime;
  }

  List<Sample> evaluate(Expr expr) throws Unsupported {
    Object result = eval(expr);
    if (result instanceof Double scalar) {
      return List.of(new Sample(Map.of(), scalar));
    }
    @SuppressWarnings("unchecked")
    List<Sample> vector = (List<Sample>) result;
    return vector;
  }

  /** A Double for a scalar, a List of samples for an instant vector. */
  private Object eval(Expr expr) throws Unsupported {
    if (expr instanceof NumberLiteral n) {
      return n.value();
    }
    if (expr instanceof VectorSelector v) {
      requirePlain(v);
      List<Sample> out = new ArrayList<>();
      for (Series s : select(v)) {
        if (s.counter()) {
          throw new Unsupported("a counter read without rate()");
        }
        out.add(new Sample(s.labels(), s.value()));
      }
      return out;
    }
    if (expr instanceof UnaryExpr u) {
      Object inner = eval(u.expr());
      if (!u.negative()) {
        return inner;
      }
      return map(inner, x -> -x, true);
    }
    if (expr instanceof Call c) {
      return call(c);
    }
    if (expr instanceof Aggregation a) {
      return aggregate(a);
    }
    if (expr instanceof BinaryExpr b) {
      return binary(b);
    }
    throw new Unsupported(expr.getClass().getSimpleName());
  }

  private Object call(Call c) throws Unsupported {
    String name = c.function().name();
    if (name.equals("rate") || name.equals("irate") || name.equals("increase")) {
      MatrixSelector m = range(c);
      List<Sample> out = new ArrayList<>();
      for (Series s : select(m.selector())) {
        if (!s.counter()) {
          throw new Unsupported("rate() of a gauge");
        }
        double value = name.equals("increase") ? PrometheusRate.increase(s.value(), m.range(), evalTime)
            : name.equals("rate") ? PrometheusRate.rate(s.value(), m.range(), evalTime)
            : s.value(); // irate: the last two samples, a minute apart, of a steady counter
        out.add(new Sample(withoutName(s.labels()), value));
      }
      return out;
    }
    if (SAME_VALUE_OVER_TIME.contains(name)) {
      MatrixSelector m = range(c);
      List<Sample> out = new ArrayList<>();
      for (Series s : select(m.selector())) {
        if (s.counter()) {
          throw new Unsupported(name + " of a counter");
        }
        out.add(new Sample(withoutName(s.labels()), s.value()));
      }
      return out;
    }
    switch (name) {
      case "abs":
        return map(eval(c.args().get(0)), Math::abs, true);
      case "ceil":
        return map(eval(c.args().get(0)), Math::ceil, true);
      case "floor":
        return map(eval(c.args().get(0)), Math::floor, true);
      case "sqrt":
        return map(eval(c.args().get(0)), Math::sqrt, true);
      case "clamp_min": {
        double min = (Double) eval(c.args().get(1));
        return map(eval(c.args().get(0)), x -> Math.max(x, min), true);
      }
      case "clamp_max": {
        double max = (Double) eval(c.args().get(1));
        return map(eval(c.args().get(0)), x -> Math.min(x, max), true);
      }
      case "vector":
        return List.of(new Sample(Map.of(), (Double) eval(c.args().get(0))));
      case "scalar": {
        List<Sample> v = vector(eval(c.args().get(0)));
        return v.size() == 1 ? v.get(0).value() : Double.NaN;
      }
      case "absent": {
        List<Sample> v = vector(eval(c.args().get(0)));
        if (!v.isEmpty()) {
          return List.of();
        }
        Map<String, String> labels = new TreeMap<>();
        if (c.args().get(0) instanceof VectorSelector sel) {
          for (LabelMatcher m : sel.matchers()) {
            if (m.type() == dev.sredsl.promql.MatchType.EQUAL && !m.name().equals("__name__")) {
              labels.put(m.name(), m.value());
            }
          }
        }
        return List.of(new Sample(labels, 1));
      }
      default:
        throw new Unsupported("function " + name);
    }
  }

  private static MatrixSelector range(Call c) throws Unsupported {
    if (!(c.args().get(c.args().size() - 1) instanceof MatrixSelector m)) {
      throw new Unsupported("a subquery");
    }
    requirePlain(m.selector());
    return m;
  }

  private static void requirePlain(VectorSelector v) throws Unsupported {
    if (v.offset() != null || v.at() != null) {
      throw new Unsupported("offset or @");
    }
  }

  private Object aggregate(Aggregation a) throws Unsupported {
    List<Sample> input = vector(eval(a.expr()));
    Map<Map<String, String>, List<Double>> groups = new java.util.LinkedHashMap<>();
    for (Sample s : input) {
      Map<String, String> key = new TreeMap<>();
      for (Map.Entry<String, String> l : s.labels().entrySet()) {
        boolean listed = a.grouping().contains(l.getKey());
        if (!l.getKey().equals("__name__") && (a.without() ? !listed : listed)) {
          key.put(l.getKey(), l.getValue());
        }
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.value());
    }
    List<Sample> out = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<Double>> g : groups.entrySet()) {
      List<Double> values = g.getValue();
      double value;
      switch (a.op()) {
        case SUM -> value = sum(values);
        case AVG -> value = sum(values) / values.size();
        case MIN -> value = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        case MAX -> value = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        case COUNT -> value = values.size();
        case GROUP -> value = 1;
        default -> throw new Unsupported("aggregation " + a.op().keyword());
      }
      out.add(new Sample(g.getKey(), value));
    }
    return out;
  }

  private static double sum(List<Double> values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  private Object binary(BinaryExpr b) throws Unsupported {
    Object left = eval(b.lhs());
    Object right = eval(b.rhs());
    BinaryOp op = b.op();
    if (left instanceof Double l && right instanceof Double r) {
      return apply(op, l, r);
    }
    if (left instanceof Double l) {
      return scalarSide(op, vector(right), l, true, b.returnBool());
    }
    if (right instanceof Double r) {
      return scalarSide(op, vector(left), r, false, b.returnBool());
    }
    VectorMatching m = b.matching();
    if (m != null && m.group() != null) {
      throw new Unsupported("group_left or group_right");
    }
    List<Sample> out = new ArrayList<>();
    List<Sample> rhs = vector(right);
    for (Sample l : vector(left)) {
      Sample match = null;
      for (Sample r : rhs) {
        if (signature(l.labels(), m).equals(signature(r.labels(), m))) {
          match = r;
        }
      }
      if (op == BinaryOp.AND) {
        if (match != null) {
          out.add(l);
        }
      } else if (op == BinaryOp.UNLESS) {
        if (match == null) {
          out.add(l);
        }
      } else if (op == BinaryOp.OR) {
        out.add(l);
      } else if (match != null) {
        double value = apply(op, l.value(), match.value());
        if (op.isComparison() && !b.returnBool()) {
          if (value == 1) {
            out.add(l);
          }
        } else {
          out.add(new Sample(withoutName(l.labels()), value));
        }
      }
    }
    if (op == BinaryOp.OR) {
      for (Sample r : rhs) {
        boolean covered = out.stream().anyMatch(l -> signature(l.labels(), m).equals(signature(r.labels(), m)));
        if (!covered) {
          out.add(r);
        }
      }
    }
    return out;
  }

  private static List<Sample> scalarSide(BinaryOp op, List<Sample> vector, double scalar, boolean scalarLeft,
      boolean returnBool) throws Unsupported {
    if (op.isSetOperator()) {
      throw new Unsupported("a set operator with a scalar");
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : vector) {
      double value = scalarLeft ? apply(op, scalar, s.value()) : apply(op, s.value(), scalar);
      if (op.isComparison() && !returnBool) {
        if (value == 1) {
          out.add(s);
        }
      } else {
        out.add(new Sample(withoutName(s.labels()), value));
      }
    }
    return out;
  }

  private static double apply(BinaryOp op, double l, double r) throws Unsupported {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case MOD -> l % r;
      case POW -> Math.pow(l, r);
      case EQ -> l == r ? 1 : 0;
      case NEQ -> l != r ? 1 : 0;
      case GT -> l > r ? 1 : 0;
      case LT -> l < r ? 1 : 0;
      case GTE -> l >= r ? 1 : 0;
      case LTE -> l <= r ? 1 : 0;
      default -> throw new Unsupported("operator " + op.symbol());
    };
  }

  private static Map<String, String> signature(Map<String, String> labels, VectorMatching m) {
    Map<String, String> key = new TreeMap<>();
    for (Map.Entry<String, String> l : labels.entrySet()) {
      if (l.getKey().equals("__name__")) {
        continue;
      }
      boolean listed = m != null && m.labels().contains(l.getKey());
      if (m == null || (m.on() ? listed : !listed)) {
        key.put(l.getKey(), l.getValue());
      }
    }
    return key;
  }

  private interface DoubleOp {
    double apply(double x);
  }

  private static Object map(Object value, DoubleOp f, boolean dropName) throws Unsupported {
    if (value instanceof Double d) {
      return f.apply(d);
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : vector(value)) {
      out.add(new Sample(dropName ? withoutName(s.labels()) : s.labels(), f.apply(s.value())));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Sample> vector(Object value) throws Unsupported {
    if (value instanceof List<?> list) {
      return (List<Sample>) list;
    }
    throw new Unsupported("a scalar where a vector is needed");
  }

  private static Map<String, String> withoutName(Map<String, String> labels) {
    Map<String, String> out = new TreeMap<>(labels);
    out.remove("__name__");
    return out;
  }

  private List<Series> select(VectorSelector v) {
    List<Series> out = new ArrayList<>();
    for (Series s : series) {
      if ((v.name() == null || v.name().equals(s.labels().get("__name__"))) && matchesAll(v.matchers(), s.labels())) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean matchesAll(List<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      String value = labels.getOrDefault(m.name(), "");
      boolean ok = switch (m.type()) {
        case EQUAL -> value.equals(m.value());
        case NOT_EQUAL -> !value.equals(m.value());
        case REGEX -> Pattern.compile("^(?:" + m.value() + ")$").matcher(value).matches();
        case NOT_REGEX -> !Pattern.compile("^(?:" + m.value() + ")$").matcher(value).matches();
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The longest range the expression reads, or the default rate window when it reads none. */
  /** The shortest range the expression reads, if it reads one. */
  static java.util.Optional<Duration> shortestRange(Expr expr) {
    Duration[] shortest = {null};
    ExprTree.walk(expr, (Expr e) -> {
      if (e instanceof MatrixSelector m && (shortest[0] == null || m.range().compareTo(shortest[0]) < 0)) {
        shortest[0] = m.range();
      }
    });
    return java.util.Optional.ofNullable(shortest[0]);
  }

  static Duration longestRange(Expr expr) {
    Duration[] longest = {Duration.ofMinutes(5)};
    ExprTree.walk(expr, (Expr e) -> {
      if (e instanceof MatrixSelector m && m.range().compareTo(longest[0]) > 0) {
        longest[0] = m.range();
      }
    });
    return longest[0];
  }

}
