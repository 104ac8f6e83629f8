package dev.sredsl.verify;

import dev.sredsl.promql.Aggregation;
import dev.sredsl.promql.BinaryExpr;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatchType;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.Subquery;
import dev.sredsl.promql.VectorMatching;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces every selector of a recorded series by the expression that records it, so that an alert can
 * be evaluated on history its recording rules never ran on (a new or changed rule), and so that its
 * selectors can be checked against the raw series they really read.
 *
 * <p>A selector {@code slo:sli_error:ratio_rate5m{service="checkout",slo="availability"}} is matched
 * against the recording rules of that name: a rule whose static labels satisfy the selector's matchers
 * on them contributes its expression, with those static labels set on the result by
 * {@code label_replace} (as Prometheus sets them when it records); several contributing rules are
 * joined with {@code or}. A range over a recorded series becomes a subquery of the rule's expression
 * at the rule's evaluation interval, which is how the recording's samples are spaced. Recording rules
 * that read other recordings are inlined through, to any depth. A selector that cannot be inlined
 * exactly (a matcher on a label the rule does not set, an {@code offset} or {@code @}) is left as it
 * is and reported by {@link #notInlined()}.
 */
public final class RecordingInliner {

  private final Map<String, List<LoadedRule>> recordings = new HashMap<>();
  private final Duration defaultInterval;
  private final List<String> notInlined = new ArrayList<>();

  /**
   * @param rules the rules of the build (or of the baseline); their recording rules are inlined
   * @param defaultInterval the evaluation interval of groups that set none
   */
  public RecordingInliner(List<LoadedRule> rules, Duration defaultInterval) {
    for (LoadedRule rule : rules) {
      if (!rule.isAlert()) {
        recordings.computeIfAbsent(rule.record(), k -> new ArrayList<>()).add(rule);
      }
    }
    this.defaultInterval = defaultInterval;
  }

  /** The expression reading raw series only, as far as it can be inlined exactly. */
  public Expr inline(Expr expr) {
    return inline(expr, 0);
  }

  /** The selectors left as they were, as text, in the order met. */
  public List<String> notInlined() {
    return List.copyOf(notInlined);
  }

  private Expr inline(Expr expr, int depth) {
    if (depth > 32) {
      throw new IllegalArgumentException("recording rules read each other in a loop: " + expr);
    }
    return ExprTree.rewrite(expr, node -> {
      if (node instanceof VectorSelector v && recordings.containsKey(v.name())) {
        if (v.offset() != null && v.at() == null) {
          // A recorded sample a while ago is the rule's expression evaluated then.
          Expr then = definition(v.offset(null), depth);
          return then instanceof VectorSelector kept && kept.offset() == null ? v : shifted(then, v.offset());
        }
        return definition(v, depth);
      }
      if (node instanceof MatrixSelector m && recordings.containsKey(m.selector().name())) {
        Expr definition = definition(m.selector(), depth);
        return definition instanceof VectorSelector same ? new MatrixSelector(same, m.range())
            : new Subquery(definition, m.range(), interval(m.selector().name()), null, null);
      }
      return null;
    });
  }

  /** {@code expr} evaluated {@code by} earlier: every selector and subquery in it shifted. */
  static Expr shifted(Expr expr, Duration by) {
    return ExprTree.rewrite(expr, node -> {
      if (node instanceof VectorSelector v) {
        return v.at() != null ? v : v.offset(plus(v.offset(), by));
      }
      if (node instanceof MatrixSelector m) {
        VectorSelector v = m.selector();
        return v.at() != null ? m : new MatrixSelector(v.offset(plus(v.offset(), by)), m.range());
      }
      if (node instanceof Subquery q) {
        return q.at() != null ? q : new Subquery(q.expr(), q.range(), q.step(), plus(q.offset(), by), null);
      }
      return null;
    });
  }

  private static Duration plus(Duration offset, Duration by) {
    return offset == null ? by : offset.plus(by);
  }

  /** The expressions recording what the selector reads, or the selector itself when that cannot be exact. */
  private Expr definition(VectorSelector selector, int depth) {
    if (selector.offset() != null || selector.at() != null) {
      return keep(selector);
    }
    Expr joined = null;
    for (LoadedRule rule : recordings.get(selector.name())) {
      Boolean selected = selects(selector, rule);
      if (selected == null) {
        return keep(selector);
      }
      if (!selected) {
        continue;
      }
      Expr recorded = inline(rule.expr(), depth + 1);
      List<LabelMatcher> onExpressionLabels = matchersOnLabelsTheExpressionSets(selector, rule);
      for (LabelMatcher matcher : onExpressionLabels) {
        Expr narrowed = narrowedInside(recorded, matcher);
        if (narrowed == null) {
          continue;
        }
        recorded = narrowed;
        onExpressionLabels = onExpressionLabels.stream().filter(m -> m != matcher).toList();
      }
      for (Map.Entry<String, String> label : rule.labels().entrySet()) {
        recorded = PromQL.call("label_replace", recorded, PromQL.string(label.getKey()),
            PromQL.string(label.getValue()), PromQL.string(""), PromQL.string(""));
      }
      recorded = keepingOnly(recorded, onExpressionLabels);
      joined = joined == null ? recorded : new BinaryExpr(BinaryOp.OR, joined, recorded, false, null);
    }
    return joined != null ? joined : keep(selector);
  }

  /**
   * Whether the rule's series can match the selector: {@code true} or {@code false} when its static
   * labels decide every matcher, {@code null} when a matcher on a label the rule does not set cannot be
   * applied to its expression (only an equality with a value can, by {@link #keepingOnly}).
   */
  private static Boolean selects(VectorSelector selector, LoadedRule rule) {
    for (LabelMatcher matcher : selector.matchers()) {
      if (matcher.name().equals("__name__")) {
        continue;
      }
      String value = rule.labels().get(matcher.name());
      if (value == null) {
        if (matcher.type() == MatchType.EQUAL && !matcher.value().isEmpty()) {
          continue;
        }
        return null;
      }
      if (!matches(matcher, value)) {
        return false;
      }
    }
    return true;
  }

  /** The selector's equalities on labels that the rule's expression, not its static labels, sets. */
  private static List<LabelMatcher> matchersOnLabelsTheExpressionSets(VectorSelector selector, LoadedRule rule) {
    return selector.matchers().stream()
        .filter(m -> !m.name().equals("__name__") && !rule.labels().containsKey(m.name()))
        .toList();
  }

  /**
   * {@code sum by (le) (rate(x[5m]))} read with {@code le="0.3"} is {@code sum by (le) (rate(x{le="0.3"}[5m]))}:
   * the matcher moved onto the raw selector, where a check of the raw series sees it, for an aggregation
   * that keeps the label of a range function of one selector. {@code null} for any other shape.
   */
  private static Expr narrowedInside(Expr expr, LabelMatcher matcher) {
    if (expr instanceof Aggregation a && !a.without() && a.param() == null && a.grouping().contains(matcher.name())
        && a.expr() instanceof Call c && c.args().size() == 1 && c.args().get(0) instanceof MatrixSelector m) {
      Call narrowed = new Call(c.function(), List.of(new MatrixSelector(m.selector().and(matcher), m.range())));
      return new Aggregation(a.op(), null, narrowed, a.grouping(), false);
    }
    return null;
  }

  /**
   * The series of {@code expr} whose labels equal the matchers' values, e.g. the bucket {@code le="0.3"}
   * of a recording {@code sum by (le)}: {@code expr and on (le) label_replace(vector(1), "le", "0.3", "", "")}.
   */
  private static Expr keepingOnly(Expr expr, List<LabelMatcher> equalities) {
    Expr kept = expr;
    for (LabelMatcher equality : equalities) {
      Expr wanted = PromQL.call("label_replace", PromQL.vector(1), PromQL.string(equality.name()),
          PromQL.string(equality.value()), PromQL.string(""), PromQL.string(""));
      kept = PromQL.binary(BinaryOp.AND, kept, wanted, VectorMatching.on(equality.name()));
    }
    return kept;
  }

  static boolean matches(LabelMatcher matcher, String value) {
    return switch (matcher.type()) {
      case EQUAL -> value.equals(matcher.value());
      case NOT_EQUAL -> !value.equals(matcher.value());
      case REGEX -> Pattern.compile(matcher.value(), Pattern.DOTALL).matcher(value).matches();
      case NOT_REGEX -> !Pattern.compile(matcher.value(), Pattern.DOTALL).matcher(value).matches();
    };
  }

  private Expr keep(VectorSelector selector) {
    notInlined.add(selector.toString());
    return selector;
  }

  private Duration interval(String record) {
    Duration interval = recordings.get(record).get(0).interval();
    return interval != null ? interval : defaultInterval;
  }
}
