package dev.sredsl.verify;

import dev.sredsl.promql.BinaryExpr;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.NumberLiteral;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Does each selector of an expression match anything? When not, over the lookback: the metric never
 * existed, it disappeared (and when it was last seen), or which label matcher matches none of its
 * series. A selector that counts bad events ({@code (sum(rate(errors)) or vector(0))}) matching
 * nothing means no errors were seen yet, which is normal for a healthy service. Answers are cached per
 * selector, so a selector shared by many rules is asked about once.
 */
public final class SelectorCheck {

  /** Series seen this recently count as present now: Prometheus' default lookback delta. */
  private static final Duration NOW = Duration.ofMinutes(5);
  private static final int VALUES_SHOWN = 5;

  private final PrometheusApi api;
  private final Instant at;
  private final Duration lookback;
  private final Map<String, Optional<Verdict>> verdicts = new ConcurrentHashMap<>();

  /** What is wrong with a selector, and what to say. */
  record Verdict(Finding.Kind kind, String message) {}

  /**
   * @param at the time that counts as now (the end of the backtest window)
   * @param lookback how far back to look for a metric that matches nothing now
   */
  public SelectorCheck(PrometheusApi api, Instant at, Duration lookback) {
    this.api = api;
    this.at = at;
    this.lookback = lookback;
  }

  /**
   * A finding per selector of {@code expr} that matches nothing, in the order written.
   *
   * @param badEvents selectors (as PromQL text) that count bad events, such as a service's failed
   *     requests: when only their labels match nothing, no errors were seen yet
   */
  public List<Finding> check(String service, String element, Expr expr, java.util.Set<String> badEvents) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<VectorSelector, Boolean> entry : selectors(expr).entrySet()) {
      VectorSelector selector = entry.getKey();
      boolean countsBadEvents = entry.getValue() || badEvents.contains(selector.toString());
      verdict(selector).ifPresent(v -> {
        boolean noErrors = countsBadEvents && v.kind() == Finding.Kind.LABEL_UNMATCHED;
        findings.add(new Finding(service, element, noErrors ? Finding.Kind.NO_ERRORS_YET : v.kind(),
            selector.toString(), noErrors ? "no errors seen yet: " + v.message() : v.message()));
      });
    }
    return findings;
  }

  /**
   * The raw selectors of the expression, each with whether it may rightly match nothing: it sits on
   * the left of {@code or vector(0)}, the form a count of bad events takes.
   */
  static Map<VectorSelector, Boolean> selectors(Expr expr) {
    Map<VectorSelector, Boolean> out = new LinkedHashMap<>();
    collect(expr, false, out);
    return out;
  }

  private static void collect(Expr expr, boolean mayBeEmpty, Map<VectorSelector, Boolean> out) {
    if (expr instanceof VectorSelector v) {
      out.merge(v.offset() == null && v.at() == null ? v : new VectorSelector(v.name(), v.matchers(), null, null),
          mayBeEmpty, Boolean::logicalAnd);
      return;
    }
    if (expr instanceof MatrixSelector m) {
      collect(m.selector(), mayBeEmpty, out);
      return;
    }
    if (expr instanceof BinaryExpr b && b.op() == BinaryOp.OR && isVectorOfZero(b.rhs())) {
      collect(b.lhs(), true, out);
      return;
    }
    if (expr instanceof BinaryExpr b && b.op() == BinaryOp.OR && isTimesZero(b.rhs())) {
      // "x or y * 0": x missing means none while y exists; y is read as it is anywhere else.
      collect(b.lhs(), true, out);
      collect(b.rhs(), mayBeEmpty, out);
      return;
    }
    for (Expr child : ExprTree.children(expr)) {
      collect(child, mayBeEmpty, out);
    }
  }

  private static boolean isTimesZero(Expr expr) {
    return expr instanceof BinaryExpr b && b.op() == BinaryOp.MUL && b.rhs() instanceof NumberLiteral n
        && n.value() == 0;
  }

  private static boolean isVectorOfZero(Expr expr) {
    return expr instanceof Call c && c.function().name().equals("vector") && c.args().size() == 1
        && c.args().get(0) instanceof NumberLiteral n && n.value() == 0;
  }

  private Optional<Verdict> verdict(VectorSelector selector) {
    return verdicts.computeIfAbsent(selector.toString(), k -> Optional.ofNullable(judge(selector)));
  }

  private Verdict judge(VectorSelector selector) {
    String text = selector.toString();
    if (!api.series(text, at.minus(NOW), at).isEmpty()) {
      return null;
    }
    Instant since = at.minus(lookback);
    String window = dev.sredsl.promql.PromDuration.format(lookback);
    if (!api.series(text, since, at).isEmpty()) {
      return new Verdict(Finding.Kind.METRIC_DISAPPEARED, text + " matched series in the last " + window
          + " but none now; last seen " + lastSeen(text) + "; was the metric renamed or its target removed?");
    }
    String name = selector.metricName();
    if (name == null) {
      return new Verdict(Finding.Kind.LABEL_UNMATCHED, text + " matches no series in the last " + window);
    }
    List<Map<String, String>> ofMetric = api.series("{__name__=" + quote(name) + "}", since, at);
    if (ofMetric.isEmpty()) {
      return new Verdict(Finding.Kind.METRIC_NEVER_SEEN, "metric " + name + " has no series in the last " + window
          + "; check the metric's name and that its target is scraped");
    }
    for (LabelMatcher matcher : selector.matchers()) {
      if (matcher.name().equals("__name__")) {
        continue;
      }
      boolean any = ofMetric.stream().anyMatch(series -> matches(matcher, series.getOrDefault(matcher.name(), "")));
      if (!any) {
        TreeSet<String> seen = new TreeSet<>();
        ofMetric.forEach(series -> {
          String value = series.get(matcher.name());
          if (value != null) {
            seen.add(value);
          }
        });
        return new Verdict(Finding.Kind.LABEL_UNMATCHED, "no series of " + name + " has " + matcher + " in the last "
            + window + " (" + describe(matcher.name(), seen) + ")");
      }
    }
    return new Verdict(Finding.Kind.LABEL_UNMATCHED, "no series of " + name + " has all of " + selector.matchers()
        + " at once in the last " + window);
  }

  private String lastSeen(String selector) {
    long stepSeconds = Math.max(60, lookback.toSeconds() / 10_000);
    String query = "max(max_over_time(timestamp(" + selector + ")[" + dev.sredsl.promql.PromDuration.format(lookback)
        + ":" + stepSeconds + "s]))";
    List<PrometheusApi.Sample> result = api.query(query, at);
    if (result.isEmpty() || Double.isNaN(result.get(0).value())) {
      return "at an unknown time";
    }
    return "at about " + Instant.ofEpochSecond((long) result.get(0).value());
  }

  private static String describe(String label, TreeSet<String> seen) {
    if (seen.isEmpty()) {
      return "its series have no label " + label;
    }
    List<String> shown = seen.stream().limit(VALUES_SHOWN).map(SelectorCheck::quote).toList();
    return "values seen: " + String.join(", ", shown) + (seen.size() > VALUES_SHOWN ? ", ..." : "");
  }


  private static boolean matches(LabelMatcher matcher, String value) {
    return RecordingInliner.matches(matcher, value);
  }

  private static String quote(String value) {
    return dev.sredsl.promql.PromqlStrings.quote(value);
  }
}
