package dev.sredsl.specs;

import dev.sredsl.model.EventCount;
import dev.sredsl.model.Slo;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import dev.sredsl.promql.VectorSelector;
import java.util.List;
import java.util.Map;

/**
 * An OpenSLO indicator as sre-dsl's event counts: a query template with {@value EventCount#WINDOW} for
 * each count. The OpenSLO queries give values at an instant, with no window; how a window applies
 * depends on what they give:
 *
 * <ul>
 *   <li>{@code ratioMetric} with {@code counter: true}: each query is a counter, and the events per
 *       second over a window are {@code sum(rate(Q[${window}]))}. A query that is an expression, not a
 *       series selector, is rated over a subquery, {@code sum(rate((Q)[${window}:]))}, with a warning: a
 *       restart of one of its counters looks like a drop of the whole and is miscounted.
 *   <li>{@code counter: false}: each query is a value that goes up and down, read as a rate of events
 *       at each instant (a recording rule of a rate is such a value), averaged over the window:
 *       {@code sum(avg_over_time((Q)[${window}:]))}. The ratio of two such averages is right whatever
 *       unit the values share; the number of events is not known, so the low-traffic guard, which counts
 *       bad events, is switched off.
 *   <li>{@code ratioMetric.raw}: the ratio sampled over the window, {@code avg_over_time((Q)[${window}:])}
 *       for {@code rawType: failure}, one minus it for {@code success}: each moment weighs the same,
 *       busy or quiet, the best a ratio without its counts allows. The query must give one series.
 *   <li>{@code thresholdMetric}: the share of the window's evaluations at which the value is bad, one
 *       minus the average of the good comparison, e.g.
 *       {@code 1 - avg_over_time(((Q) < bool 0.5)[${window}:])} for {@code op: lt, value: 0.5}.
 * </ul>
 *
 * <p>A template that sre-dsl wrote in the indicator's annotations
 * ({@value OpenSloSpec#TEMPLATE_ANNOTATION_PREFIX}{@code <role>}) wins over the query: it is the form
 * none of these gives back exactly. The generator of {@code dev.sredsl.generate.openslo} writes these
 * forms; its round-trip test keeps the two in step.
 */
final class OpenSloQueries {

  private static final Map<String, String> GOOD_COMPARISONS = Map.of("lt", "<", "lte", "<=", "gt", ">", "gte", ">=");

  private OpenSloQueries() {}

  /** The SLO measured by the objective's indicator; warnings about approximate forms are added to {@code warnings}. */
  static Slo measured(Slo slo, OpenSloSpec.OpenSloObjective objective, List<String> warnings) {
    Map<String, String> templates = objective.queryTemplates();
    if (objective.indicator() instanceof OpenSloSpec.Indicator.Ratio ratio) {
      String numerator = ratio.good() != null ? "good" : "bad";
      EventCount.Query events = count(numerator, ratio.good() != null ? ratio.good() : ratio.bad(), ratio.counter(),
          objective, warnings);
      Slo counted = (ratio.good() != null ? slo.good(events) : slo.bad(events))
          .total(count("total", ratio.total(), ratio.counter(), objective, warnings));
      boolean valuesOnly = !ratio.counter() && !(templates.containsKey(numerator) && templates.containsKey("total"));
      return valuesOnly ? counted.minimumBadEvents(1) : counted;
    }
    if (objective.indicator() instanceof OpenSloSpec.Indicator.PrecomputedRatio raw) {
      return slo.errorRatio(EventCount.query(
          templates.getOrDefault("error-ratio", precomputedRatio(raw.query().strip(), raw.ofFailures()))));
    }
    OpenSloSpec.Indicator.Threshold threshold = (OpenSloSpec.Indicator.Threshold) objective.indicator();
    return slo.errorRatio(EventCount.query(templates.getOrDefault("error-ratio", threshold(threshold))));
  }

  private static EventCount.Query count(String role, String query, boolean counter,
      OpenSloSpec.OpenSloObjective objective, List<String> warnings) {
    String template = objective.queryTemplates().get(role);
    if (template != null) {
      return EventCount.query(template);
    }
    String q = query.strip();
    if (!counter) {
      return EventCount.query("sum(avg_over_time((" + q + ")[" + EventCount.WINDOW + ":]))");
    }
    if (isSeriesSelector(q)) {
      return EventCount.query("sum(rate(" + q + "[" + EventCount.WINDOW + "]))");
    }
    warnings.add(objective.at().problem("SLO '" + objective.name() + "': the " + role + " query of its counter"
        + " ratioMetric is an expression, not a series selector, so its rate is taken over a subquery, which"
        + " miscounts when one of its counters restarts; give the counter's selector, e.g. requests_total{job=\"x\"}")
        .getMessage());
    return EventCount.query("sum(rate((" + q + ")[" + EventCount.WINDOW + ":]))");
  }

  /** Whether {@code rate} can take the query as it is: a selector without offset or {@code @}. */
  static boolean isSeriesSelector(String query) {
    try {
      Expr expr = PromQL.parse(query);
      return expr instanceof VectorSelector v && v.offset() == null && v.at() == null;
    } catch (PromQLException e) {
      return false;
    }
  }

  private static String precomputedRatio(String query, boolean ofFailures) {
    String average = "avg_over_time((" + query + ")[" + EventCount.WINDOW + ":])";
    return ofFailures ? average : "1 - " + average;
  }

  private static String threshold(OpenSloSpec.Indicator.Threshold threshold) {
    return "1 - avg_over_time(((" + threshold.query().strip() + ") " + GOOD_COMPARISONS.get(threshold.op())
        + " bool " + threshold.value().stripTrailingZeros().toPlainString() + ")[" + EventCount.WINDOW + ":])";
  }
}
