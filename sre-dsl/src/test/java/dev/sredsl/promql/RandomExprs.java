package dev.sredsl.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, type-correct PromQL trees from a seed: every construct the tree can hold, with
 * the awkward corners (keywords as metric names, signed literals, Inf and NaN, escapes in strings,
 * empty label lists, negative offsets) more often than real queries have them.
 */
public final class RandomExprs {

  private static final String[] METRICS = {
      "up", "http_requests_total", "job:http_requests:rate5m", "node_cpu_seconds_total", "sum", "by", "and",
      "offset", "start", "end", "without", "count_values", "x"};
  private static final String[] LABELS = {"job", "instance", "le", "code", "on", "by", "_private", "a1"};
  private static final String[] GROUPING_LABELS = {"job", "instance", "le", "sum", "on", "bool", "offset", "group_left"};
  private static final String[] REGEXES = {".*", "5..", "api|web", "(?i)get", "[a-z]+", "\\d{2,3}", "a\\.b", ""};
  private static final String[] STRINGS = {"", "le", "a\"b", "back\\slash", "tab\there", "new\nline", "ünïcödé",
      "\u0001\u007f", "quote'single", "emoji \uD83D\uDE00", "`tick`"};
  private static final Duration[] DURATIONS = {
      Duration.ofMillis(1), Duration.ofMillis(1500), Duration.ofSeconds(30), Duration.ofMinutes(5),
      Duration.ofMinutes(90), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(365),
      Duration.ofDays(400), Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5).plusMillis(6)};
  private static final double[] NUMBERS = {0, 1, 2, 0.5, 0.05, 1e-7, 1e20, 123456789.125, Double.NaN,
      Double.POSITIVE_INFINITY, 3.141592653589793, 1e15, 42};
  private static final BinaryOp[] ARITHMETIC = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
      BinaryOp.MOD, BinaryOp.POW, BinaryOp.ATAN2};
  private static final BinaryOp[] COMPARISON = {BinaryOp.EQ, BinaryOp.NEQ, BinaryOp.GT, BinaryOp.LT, BinaryOp.GTE,
      BinaryOp.LTE};
  private static final BinaryOp[] SET = {BinaryOp.AND, BinaryOp.OR, BinaryOp.UNLESS};

  private final Random random;

  public RandomExprs(long seed) {
    this.random = new Random(seed);
  }

  Expr next() {
    ValueType[] types = ValueType.values();
    return of(types[random.nextInt(types.length)], 4);
  }

  public Expr of(ValueType type, int depth) {
    return switch (type) {
      case SCALAR -> scalar(depth);
      case INSTANT_VECTOR -> vector(depth);
      case RANGE_VECTOR -> range(depth);
      case STRING -> new StringLiteral(pick(STRINGS));
    };
  }

  private Expr scalar(int depth) {
    int choice = depth <= 0 ? 0 : random.nextInt(5);
    switch (choice) {
      case 1:
        return random.nextBoolean() ? PromQL.call("time") : PromQL.call("scalar", vector(depth - 1));
      case 2: {
        boolean comparison = random.nextInt(3) == 0;
        BinaryOp op = comparison ? pick(COMPARISON) : pick(ARITHMETIC);
        return new BinaryExpr(op, scalar(depth - 1), scalar(depth - 1), comparison, null);
      }
      case 3:
        return new UnaryExpr(random.nextBoolean(), scalar(depth - 1));
      default: {
        double value = NUMBERS[random.nextInt(NUMBERS.length)];
        return new NumberLiteral(random.nextInt(4) == 0 ? -value : value);
      }
    }
  }

  private Expr vector(int depth) {
    int choice = depth <= 0 ? 0 : random.nextInt(6);
    switch (choice) {
      case 1:
        return call(depth);
      case 2:
        return aggregation(depth);
      case 3:
        return binary(depth);
      case 4:
        return new UnaryExpr(random.nextBoolean(), vector(depth - 1));
      default:
        return modifiers(selector());
    }
  }

  private Expr range(int depth) {
    if (depth <= 0 || random.nextBoolean()) {
      VectorSelector inner = selector();
      MatrixSelector m = new MatrixSelector(inner, pick(DURATIONS));
      return new MatrixSelector(m.selector().offset(maybeOffset()).at(maybeAt()), m.range());
    }
    Duration step = random.nextBoolean() ? null : pick(DURATIONS);
    return new Subquery(vector(depth - 1), pick(DURATIONS), step, maybeOffset(), maybeAt());
  }

  private VectorSelector selector() {
    List<LabelMatcher> matchers = new ArrayList<>();
    String name = random.nextInt(4) == 0 ? null : pick(METRICS);
    if (name == null) {
      matchers.add(LabelMatcher.eq(pick(LABELS), "non-empty"));
    }
    int extra = random.nextInt(3);
    for (int i = 0; i < extra; i++) {
      MatchType type = MatchType.values()[random.nextInt(4)];
      String value = type == MatchType.REGEX || type == MatchType.NOT_REGEX ? pick(REGEXES) : pick(STRINGS);
      matchers.add(new LabelMatcher(pick(LABELS), type, value));
    }
    return new VectorSelector(name, matchers, null, null);
  }

  private Expr modifiers(VectorSelector selector) {
    return selector.offset(maybeOffset()).at(maybeAt());
  }

  private Duration maybeOffset() {
    if (random.nextInt(4) != 0) {
      return null;
    }
    Duration d = pick(DURATIONS);
    return random.nextBoolean() ? d : d.negated();
  }

  private At maybeAt() {
    return switch (random.nextInt(8)) {
      case 0 -> At.START;
      case 1 -> At.END;
      case 2 -> At.timestamp(1_700_000_000.5);
      case 3 -> At.timestamp(-42);
      default -> null;
    };
  }

  private Expr call(int depth) {
    List<Function> vectorFunctions = Functions.all().values().stream()
        .filter(f -> f.returnType() == ValueType.INSTANT_VECTOR).toList();
    Function f = vectorFunctions.get(random.nextInt(vectorFunctions.size()));
    int max = Math.min(f.maxArgs(), f.minArgs() + 2);
    int count = f.minArgs() + random.nextInt(max - f.minArgs() + 1);
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      args.add(of(f.argType(i), depth - 1));
    }
    return new Call(f, args);
  }

  private Expr aggregation(int depth) {
    AggregationOp op = AggregationOp.values()[random.nextInt(AggregationOp.values().length)];
    Expr param = op.parameterType() == null ? null : of(op.parameterType(), depth - 1);
    List<String> grouping = random.nextBoolean() ? List.of() : labels(GROUPING_LABELS);
    return new Aggregation(op, param, vector(depth - 1), grouping, random.nextInt(3) == 0);
  }

  private Expr binary(int depth) {
    int kind = random.nextInt(3);
    if (kind == 0) {
      // A vector and a scalar, either way round: no set operators, no matching.
      boolean comparison = random.nextInt(3) == 0;
      BinaryOp op = comparison ? pick(COMPARISON) : pick(ARITHMETIC);
      boolean vectorLeft = random.nextBoolean();
      Expr v = vector(depth - 1);
      Expr s = scalar(depth - 1);
      return new BinaryExpr(op, vectorLeft ? v : s, vectorLeft ? s : v, comparison && random.nextBoolean(), null);
    }
    boolean set = kind == 1;
    BinaryOp op = set ? pick(SET) : (random.nextBoolean() ? pick(COMPARISON) : pick(ARITHMETIC));
    VectorMatching matching = null;
    if (random.nextBoolean()) {
      boolean on = random.nextBoolean();
      List<String> labels = random.nextInt(4) == 0 ? List.of() : labels(LABELS);
      String group = null;
      List<String> include = List.of();
      if (!set && random.nextBoolean()) {
        group = random.nextBoolean() ? "group_left" : "group_right";
        include = random.nextBoolean() ? List.of() : List.of("extra_label");
      }
      matching = new VectorMatching(on, labels, group, include);
    }
    return new BinaryExpr(op, vector(depth - 1), vector(depth - 1), op.isComparison() && random.nextBoolean(),
        matching);
  }

  private List<String> labels(String[] pool) {
    int n = 1 + random.nextInt(2);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String label = pick(pool);
      if (!labels.contains(label)) {
        labels.add(label);
      }
    }
    return labels;
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  private double pick(double[] options) {
    return options[random.nextInt(options.length)];
  }

}
