package dev.sredsl.promql;

import dev.sredsl.promql.Token.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A precedence-climbing parser that accepts what Prometheus' grammar accepts. Parentheses are not kept
 * in the tree, but the parser remembers which nodes were parenthesised, because Prometheus allows a
 * range, an offset or an {@code @} only directly on a selector: {@code (x)[5m]} is an error.
 */
final class Parser {

  private static final Map<Kind, BinaryOp> BINARY = new EnumMap<>(Kind.class);
  private static final Map<Kind, AggregationOp> AGGREGATIONS = new EnumMap<>(Kind.class);
  /** Keywords Prometheus also accepts as a metric name. */
  private static final Set<Kind> METRIC_KEYWORDS = EnumSet.of(
      Kind.BY, Kind.AND, Kind.OR, Kind.UNLESS, Kind.OFFSET, Kind.WITHOUT, Kind.START, Kind.END);
  /** Keywords Prometheus accepts as a label name in grouping clauses (every keyword but 'without'). */
  private static final Set<Kind> LABEL_KEYWORDS = EnumSet.of(
      Kind.AND, Kind.OR, Kind.UNLESS, Kind.ATAN2, Kind.SUM, Kind.AVG, Kind.COUNT, Kind.MIN, Kind.MAX,
      Kind.GROUP, Kind.STDDEV, Kind.STDVAR, Kind.TOPK, Kind.BOTTOMK, Kind.COUNT_VALUES, Kind.QUANTILE,
      Kind.OFFSET, Kind.BY, Kind.ON, Kind.IGNORING, Kind.GROUP_LEFT, Kind.GROUP_RIGHT, Kind.BOOL, Kind.START,
      Kind.END);

  static {
    BINARY.put(Kind.OR, BinaryOp.OR);
    BINARY.put(Kind.AND, BinaryOp.AND);
    BINARY.put(Kind.UNLESS, BinaryOp.UNLESS);
    BINARY.put(Kind.EQLC, BinaryOp.EQ);
    BINARY.put(Kind.NEQ, BinaryOp.NEQ);
    BINARY.put(Kind.GTR, BinaryOp.GT);
    BINARY.put(Kind.LSS, BinaryOp.LT);
    BINARY.put(Kind.GTE, BinaryOp.GTE);
    BINARY.put(Kind.LTE, BinaryOp.LTE);
    BINARY.put(Kind.ADD, BinaryOp.ADD);
    BINARY.put(Kind.SUB, BinaryOp.SUB);
    BINARY.put(Kind.MUL, BinaryOp.MUL);
    BINARY.put(Kind.DIV, BinaryOp.DIV);
    BINARY.put(Kind.MOD, BinaryOp.MOD);
    BINARY.put(Kind.ATAN2, BinaryOp.ATAN2);
    BINARY.put(Kind.POW, BinaryOp.POW);
    for (AggregationOp op : AggregationOp.values()) {
      AGGREGATIONS.put(Kind.valueOf(op.name()), op);
    }
  }

  private final String input;
  private final List<Token> tokens;
  private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Where each node starts (binary operations: where the operator is), for the type checker's messages. */
  private final Map<Expr, Integer> positions = new IdentityHashMap<>();
  private int index;

  private Parser(String input) {
    this.input = input;
    this.tokens = Lexer.tokenize(input);
  }

  /** A parsed tree and the 0-based position of each of its nodes. */
  record Parsed(Expr expr, Map<Expr, Integer> positions) {}

  static Parsed parse(String input) {
    Parser parser = new Parser(input);
    if (parser.peek().kind() == Kind.EOF) {
      throw new PromQLException(1, "the expression is empty");
    }
    Expr expr = parser.expression(0);
    Token rest = parser.peek();
    if (rest.kind() != Kind.EOF) {
      throw parser.error(rest, "unexpected " + rest.describe() + " after a complete expression"
          + (rest.kind() == Kind.ASSIGN ? "; to compare, write '=='"
              : rest.kind() == Kind.BY || rest.kind() == Kind.WITHOUT ? "; grouping goes right after the"
                  + " aggregation operator or its closing parenthesis, e.g. sum by (job) (x)"
              : BINARY.containsKey(rest.kind()) ? "" : "; is an operator missing?"));
    }
    return new Parsed(expr, parser.positions);
  }

  private <E extends Expr> E at(E node, int position) {
    positions.put(node, position);
    return node;
  }

  private int positionOf(Expr node) {
    return positions.getOrDefault(node, 0);
  }

  private Expr expression(int minPrecedence) {
    Expr left = unary();
    while (true) {
      Token t = peek();
      // Ranges, subqueries, offset and @ bind tighter than any operator.
      if (t.kind() == Kind.LEFT_BRACKET) {
        left = rangeOrSubquery(left);
        continue;
      }
      if (t.kind() == Kind.OFFSET) {
        left = offset(left);
        continue;
      }
      if (t.kind() == Kind.AT) {
        left = atModifier(left);
        continue;
      }
      BinaryOp op = BINARY.get(t.kind());
      if (op == null || op.precedence() < minPrecedence) {
        return left;
      }
      Token opToken = next();
      boolean returnBool = accept(Kind.BOOL);
      VectorMatching matching = null;
      if (peek().kind() == Kind.ON || peek().kind() == Kind.IGNORING) {
        boolean on = next().kind() == Kind.ON;
        List<String> labels = grouping(on ? "on" : "ignoring");
        String group = null;
        List<String> include = List.of();
        if (peek().kind() == Kind.GROUP_LEFT || peek().kind() == Kind.GROUP_RIGHT) {
          group = next().kind() == Kind.GROUP_LEFT ? "group_left" : "group_right";
          if (peek().kind() == Kind.LEFT_PAREN) {
            include = grouping(group);
          }
        }
        matching = new VectorMatching(on, labels, group, include);
      }
      Expr right = expression(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);
      left = at(new BinaryExpr(op, left, right, returnBool, matching), opToken.position());
    }
  }

  private Expr unary() {
    Token t = peek();
    if (t.kind() != Kind.ADD && t.kind() != Kind.SUB) {
      return primary();
    }
    next();
    // A sign binds like '*': only '^' and the postfix modifiers bind tighter.
    Expr operand = expression(BinaryOp.POW.precedence());
    boolean negative = t.kind() == Kind.SUB;
    if (operand instanceof NumberLiteral number && !parenthesized.contains(operand)) {
      return at(new NumberLiteral(negative ? -number.value() : number.value()), t.position());
    }
    return at(new UnaryExpr(negative, operand), t.position());
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return at(new NumberLiteral(value(t, () -> Literals.number(t.text()))), t.position());
      case STRING:
        return at(new StringLiteral(Literals.string(t.text())), t.position());
      case LEFT_PAREN: {
        if (peek().kind() == Kind.RIGHT_PAREN) {
          throw error(peek(), "empty parentheses; put an expression inside");
        }
        Expr inner = expression(0);
        expect(Kind.RIGHT_PAREN, "')' to close the '(' at column " + (t.position() + 1));
        parenthesized.add(inner);
        return inner;
      }
      case LEFT_BRACE:
        index--;
        return selector(null);
      case IDENTIFIER:
        if (peek().kind() == Kind.LEFT_PAREN) {
          return call(t);
        }
        return selector(t.text());
      case METRIC_IDENTIFIER:
        return selector(t.text());
      default:
        AggregationOp aggregation = AGGREGATIONS.get(t.kind());
        if (aggregation != null) {
          Kind after = peek().kind();
          if (after == Kind.LEFT_PAREN || after == Kind.BY || after == Kind.WITHOUT) {
            return aggregation(aggregation, t);
          }
          return selector(t.text());
        }
        if (METRIC_KEYWORDS.contains(t.kind())) {
          return selector(t.text());
        }
        throw error(t, "unexpected " + t.describe() + "; expected an expression");
    }
  }

  private VectorSelector selector(String name) {
    int position = tokens.get(name == null ? index : index - 1).position();
    List<LabelMatcher> matchers = new ArrayList<>();
    if (accept(Kind.LEFT_BRACE)) {
      while (!accept(Kind.RIGHT_BRACE)) {
        Token label = next();
        if (label.kind() != Kind.IDENTIFIER) {
          throw error(label, "unexpected " + label.describe() + " in label matchers; expected a label name or '}'");
        }
        Token op = next();
        MatchType type = switch (op.kind()) {
          case ASSIGN -> MatchType.EQUAL;
          case NEQ -> MatchType.NOT_EQUAL;
          case EQL_REGEX -> MatchType.REGEX;
          case NEQ_REGEX -> MatchType.NOT_REGEX;
          default -> throw error(op, "unexpected " + op.describe() + " after label " + label.text()
              + "; expected one of = != =~ !~");
        };
        Token value = next();
        if (value.kind() != Kind.STRING) {
          throw error(value, "unexpected " + value.describe() + " after " + label.text() + op.text()
              + "; expected a quoted string");
        }
        LabelMatcher matcher = new LabelMatcher(label.text(), type, Literals.string(value.text()));
        if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
          String problem = PromQL.regexProblem(matcher.value());
          if (problem != null) {
            throw error(value, "the regular expression of label " + label.text() + " is not valid RE2: " + problem);
          }
        }
        matchers.add(matcher);
        if (!accept(Kind.COMMA) && peek().kind() != Kind.RIGHT_BRACE) {
          throw error(peek(), "unexpected " + peek().describe() + " in label matchers; expected ',' or '}'");
        }
      }
    }
    return at(new VectorSelector(name, matchers, null, null), position);
  }

  private Call call(Token name) {
    Function function = Functions.get(name.text()).orElseThrow(() -> error(name,
        "unknown function " + name.text() + (Functions.get(name.text().toLowerCase(java.util.Locale.ROOT)).isPresent()
            ? "; function names are lower case: " + name.text().toLowerCase(java.util.Locale.ROOT) : "")));
    return at(new Call(function, arguments(name.text(), function.maxArgs())), name.position());
  }

  /** @param maxArgs after this many arguments, a ',' is an error at that comma */
  private List<Expr> arguments(String of, int maxArgs) {
    expect(Kind.LEFT_PAREN, "'(' after " + of);
    List<Expr> args = new ArrayList<>();
    if (accept(Kind.RIGHT_PAREN)) {
      return args;
    }
    while (true) {
      args.add(expression(0));
      if (accept(Kind.RIGHT_PAREN)) {
        return args;
      }
      Token t = peek();
      if (t.kind() != Kind.COMMA || args.size() >= maxArgs) {
        throw error(t, "expected ')' after the arguments of " + of + ", found " + t.describe());
      }
      next();
      if (peek().kind() == Kind.RIGHT_PAREN) {
        throw error(t, "trailing comma after the arguments of " + of + "; remove it");
      }
    }
  }

  private Aggregation aggregation(AggregationOp op, Token keyword) {
    List<String> grouping = List.of();
    boolean without = false;
    boolean modifierFirst = false;
    if (peek().kind() == Kind.BY || peek().kind() == Kind.WITHOUT) {
      without = next().kind() == Kind.WITHOUT;
      grouping = grouping(without ? "without" : "by");
      modifierFirst = true;
    }
    List<Expr> args = arguments(op.keyword(), op.parameterType() == null ? 1 : 2);
    if (!modifierFirst && (peek().kind() == Kind.BY || peek().kind() == Kind.WITHOUT)) {
      without = next().kind() == Kind.WITHOUT;
      grouping = grouping(without ? "without" : "by");
    }
    int expected = op.parameterType() == null ? 1 : 2;
    if (args.isEmpty()) {
      throw error(keyword, op.keyword() + " needs " + (expected == 1 ? "an expression to aggregate, e.g. "
          + op.keyword() + "(x)" : "a parameter and an expression, e.g. " + op.keyword() + "(5, x)"));
    }
    if (args.size() != expected) {
      throw error(keyword, op.keyword() + " takes " + expected + (expected == 1 ? " argument" : " arguments")
          + ", got " + args.size() + (expected == 1 ? "; to group, write " + op.keyword() + " by (label) (x)" : ""));
    }
    return at(new Aggregation(op, expected == 2 ? args.get(0) : null, args.get(expected - 1), grouping, without),
        keyword.position());
  }

  /** {@code (label, ...)} after by, without, on, ignoring, group_left or group_right. */
  private List<String> grouping(String clause) {
    Token open = next();
    if (open.kind() != Kind.LEFT_PAREN) {
      throw error(open, "expected '(' and a label list after " + clause + ", found " + open.describe()
          + "; write " + clause + " (label)");
    }
    List<String> labels = new ArrayList<>();
    if (accept(Kind.RIGHT_PAREN)) {
      return labels;
    }
    while (true) {
      Token label = next();
      boolean labelLike = label.kind() == Kind.IDENTIFIER || label.kind() == Kind.METRIC_IDENTIFIER
          || LABEL_KEYWORDS.contains(label.kind());
      if (!labelLike || !PromqlStrings.isLabelName(label.text())) {
        throw error(label, "unexpected " + label.describe() + " in the label list of " + clause
            + "; expected a label name");
      }
      labels.add(label.text());
      Token t = next();
      if (t.kind() == Kind.RIGHT_PAREN) {
        return labels;
      }
      if (t.kind() != Kind.COMMA) {
        throw error(t, "expected ',' or ')' in the label list of " + clause + ", found " + t.describe());
      }
      if (accept(Kind.RIGHT_PAREN)) {
        return labels;
      }
    }
  }

  private Expr rangeOrSubquery(Expr target) {
    Token open = next();
    Token durationToken = next();
    Duration range = duration(durationToken);
    Token t = next();
    if (t.kind() == Kind.RIGHT_BRACKET) {
      if (!(target instanceof VectorSelector vs) || parenthesized.contains(target)) {
        throw error(open, "a range [" + durationToken.text() + "] is allowed only directly after a metric"
            + " selector; for other expressions use a subquery [" + durationToken.text() + ":]");
      }
      if (vs.offset() != null) {
        throw error(open, "the offset must come after the range: write x[" + durationToken.text() + "] offset ...");
      }
      // Prometheus checks only a timestamp here: "x @ start()[5m]" is accepted, as the same as "x[5m] @ start()".
      if (vs.at() != null && vs.at().preprocessor() == null) {
        throw error(open, "the @ modifier must come after the range: write x[" + durationToken.text() + "] @ ...");
      }
      return at(new MatrixSelector(vs, range), positionOf(target));
    }
    if (t.kind() != Kind.COLON) {
      throw error(t, "expected ']' or ':' after the range " + durationToken.text() + ", found " + t.describe());
    }
    Duration step = null;
    if (peek().kind() != Kind.RIGHT_BRACKET) {
      step = duration(next());
    }
    expect(Kind.RIGHT_BRACKET, "']' to close the subquery");
    return at(new Subquery(target, range, step, null, null), positionOf(target));
  }

  private Expr offset(Expr target) {
    Token keyword = next();
    boolean negative = accept(Kind.SUB);
    Duration by = duration(next());
    if (negative) {
      by = by.negated();
    }
    if (parenthesized.contains(target)) {
      throw error(keyword, "offset applies to a selector or subquery, not to a parenthesised expression;"
          + " move it inside the parentheses");
    }
    int position = positionOf(target);
    if (target instanceof VectorSelector vs) {
      requireNoOffset(vs.offset(), keyword);
      return at(vs.offset(by), position);
    }
    if (target instanceof MatrixSelector ms) {
      requireNoOffset(ms.selector().offset(), keyword);
      return at(new MatrixSelector(at(ms.selector().offset(by), position), ms.range()), position);
    }
    if (target instanceof Subquery sq) {
      requireNoOffset(sq.offset(), keyword);
      return at(new Subquery(sq.expr(), sq.range(), sq.step(), by, sq.at()), position);
    }
    throw error(keyword, "offset must follow a selector, a range selector or a subquery; move it next to the"
        + " selector inside the function or aggregation");
  }

  private void requireNoOffset(Duration existing, Token keyword) {
    if (existing != null) {
      throw error(keyword, "offset is given twice; keep one");
    }
  }

  private Expr atModifier(Expr target) {
    Token keyword = next();
    At when;
    Token t = next();
    if (t.kind() == Kind.START || t.kind() == Kind.END) {
      expect(Kind.LEFT_PAREN, "'(' after " + t.text());
      expect(Kind.RIGHT_PAREN, "')' after " + t.text() + "(");
      when = t.kind() == Kind.START ? At.START : At.END;
    } else {
      double sign = 1;
      Token number = t;
      if (t.kind() == Kind.ADD || t.kind() == Kind.SUB) {
        sign = t.kind() == Kind.SUB ? -1 : 1;
        number = next();
      }
      if (number.kind() != Kind.NUMBER) {
        throw error(number, "expected a Unix timestamp, start() or end() after @, found " + number.describe());
      }
      Token numberToken = number;
      double seconds = sign * value(number, () -> Literals.number(numberToken.text()));
      if (Double.isNaN(seconds) || seconds >= 0x1p63 || seconds <= -0x1p63) {
        throw error(number, "timestamp " + number.text() + " is out of range for @");
      }
      when = At.timestamp(seconds);
    }
    if (parenthesized.contains(target)) {
      throw error(keyword, "@ applies to a selector or subquery, not to a parenthesised expression");
    }
    int position = positionOf(target);
    if (target instanceof VectorSelector vs) {
      requireNoAt(vs.at(), keyword);
      return at(vs.at(when), position);
    }
    if (target instanceof MatrixSelector ms) {
      requireNoAt(ms.selector().at(), keyword);
      return at(new MatrixSelector(at(ms.selector().at(when), position), ms.range()), position);
    }
    if (target instanceof Subquery sq) {
      requireNoAt(sq.at(), keyword);
      return at(new Subquery(sq.expr(), sq.range(), sq.step(), sq.offset(), when), position);
    }
    throw error(keyword, "@ must follow a selector, a range selector or a subquery");
  }

  private void requireNoAt(At existing, Token keyword) {
    if (existing != null) {
      throw error(keyword, "@ is given twice; keep one");
    }
  }

  private Duration duration(Token t) {
    if (t.kind() != Kind.DURATION) {
      throw error(t, "expected a duration such as 5m, found " + t.describe());
    }
    return value(t, () -> Literals.duration(t.text()));
  }

  private <T> T value(Token t, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (IllegalArgumentException e) {
      throw error(t, e.getMessage());
    }
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  private boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      next();
      return true;
    }
    return false;
  }

  private void expect(Kind kind, String what) {
    Token t = next();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", found " + t.describe());
    }
  }

  private PromQLException error(Token at, String message) {
    return new PromQLException(Math.min(at.position(), input.length()) + 1, message);
  }
}
