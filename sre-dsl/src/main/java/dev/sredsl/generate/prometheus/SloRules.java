package dev.sredsl.generate.prometheus;

import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.conventions.BurnRateWindow;
import dev.sredsl.conventions.AlertNames;
import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.call;
import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.overTime;
import static dev.sredsl.promql.PromQL.ratioOfRates;
import static dev.sredsl.promql.PromQL.ratioOfRatesWithoutDefault;
import static dev.sredsl.promql.PromQL.sub;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.RecordedSeries;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloKind;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.PromDuration;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SLO rules: the error ratio of each SLO over every burn-rate window and over its whole period, the
 * series a dashboard reads (objective, budget, budget remaining, burn rate), and the multi-window,
 * multi-burn-rate alerts of the SRE Workbook.
 */
final class SloRules {

  private SloRules() {}

  /** The error budget as a ratio, exact: 0.001 for 99.9. */
  static BigDecimal errorBudget(Slo slo) {
    return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(slo.objectivePercent()))
        .divide(BigDecimal.valueOf(100), MathContext.DECIMAL64).stripTrailingZeros();
  }

  static List<Rule> recordings(Service service, Slo slo, Map<String, String> serviceLabels) {
    Map<String, String> labels = new TreeMap<>(serviceLabels);
    labels.put(GeneratedLabels.SLO, slo.name());
    List<Rule> rules = new ArrayList<>();
    for (Duration window : BurnRateWindow.ALL_WINDOWS) {
      rules.add(Rule.recording(RecordedSeries.sloErrorRatio(window), errorRatio(service.requests(), slo, window),
          labels));
    }
    // The period's ratio averages the 5m recordings instead of reading 30 days of raw samples.
    Expr shortest = RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(BurnRateWindow.ALL_WINDOWS.get(0)), service, slo);
    rules.add(Rule.recording(RecordedSeries.sloErrorRatio(slo.period()), overTime("avg", shortest, slo.period()),
        labels));
    BigDecimal budget = errorBudget(slo);
    rules.add(Rule.recording(RecordedSeries.SLO_OBJECTIVE,
        call("vector", number(BigDecimal.ONE.subtract(budget).doubleValue())), labels));
    rules.add(Rule.recording(RecordedSeries.SLO_ERROR_BUDGET, call("vector", number(budget.doubleValue())), labels));
    rules.add(Rule.recording(RecordedSeries.SLO_ERROR_BUDGET_REMAINING,
        sub(number(1), div(RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(slo.period()), service, slo),
            number(budget.doubleValue()))), labels));
    rules.add(Rule.recording(RecordedSeries.SLO_BURN_RATE,
        div(RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(Duration.ofHours(1)), service, slo),
            number(budget.doubleValue())), labels));
    return rules;
  }

  /** Share of the SLO's events that were bad over {@code window}. */
  static Expr errorRatio(RequestMetrics r, Slo slo, Duration window) {
    if (slo.kind() == SloKind.AVAILABILITY) {
      return ratioOfRates(r.failedRequests(), r.requests(), window);
    }
    // Good events are those in the bucket of the threshold: one minus their share is the bad share. A
    // missing bucket means the application does not publish that bound, not that no request was fast:
    // counted as 0 it would read a healthy service as 100% slow and page forever, so it gives no data.
    return sub(number(1), ratioOfRatesWithoutDefault(r.buckets().and(bucketBound(slo.latencyThreshold())),
        r.requests(), window));
  }

  /**
   * The {@code le} matcher of a bucket boundary. Clients print whole numbers of seconds as "1" or
   * "1.0" (and Prometheus 3 rewrites them to "1.0"), so those match either way.
   */
  static LabelMatcher bucketBound(Duration threshold) {
    String seconds = dev.sredsl.generate.Numbers.format(threshold.toNanos() / 1e9);
    return seconds.contains(".") ? LabelMatcher.eq("le", seconds)
        : LabelMatcher.regex("le", seconds + "(\\.0)?");
  }

  static List<Rule> alerts(Service service, Slo slo, Map<String, String> serviceLabels, GenerationSettings settings) {
    List<Rule> rules = new ArrayList<>();
    if (slo.pageAlerts()) {
      rules.add(burnAlert(service, slo, AlertNames.fastBurnAlert(service, slo), Severity.PAGE, BurnRateWindow.PAGE,
          serviceLabels, settings));
    }
    if (slo.ticketAlerts()) {
      rules.add(burnAlert(service, slo, AlertNames.slowBurnAlert(service, slo), Severity.TICKET, BurnRateWindow.TICKET,
          serviceLabels, settings));
    }
    return rules;
  }

  private static Rule burnAlert(Service service, Slo slo, String name, Severity severity, List<BurnRateWindow> windows,
      Map<String, String> serviceLabels, GenerationSettings settings) {
    BigDecimal budget = errorBudget(slo);
    Expr condition = null;
    List<String> explained = new ArrayList<>();
    for (BurnRateWindow w : windows) {
      double threshold = w.threshold(slo.period(), budget).doubleValue();
      Expr both = binary(BinaryOp.AND,
          binary(BinaryOp.GT, RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(w.longWindow()), service, slo),
              number(threshold)),
          binary(BinaryOp.GT, RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(w.shortWindow()), service, slo),
              number(threshold)));
      condition = condition == null ? both : binary(BinaryOp.OR, condition, both);
      explained.add("over " + PromDuration.format(w.longWindow()) + " and " + PromDuration.format(w.shortWindow())
          + " above " + w.factor(slo.period()).toPlainString() + " times the budget");
    }
    Map<String, String> labels = new TreeMap<>(serviceLabels);
    labels.put(GeneratedLabels.SLO, slo.name());
    labels.put(GeneratedLabels.SEVERITY, severity.label());
    Map<String, String> annotations = new TreeMap<>();
    String objective = BigDecimal.valueOf(slo.objectivePercent()).stripTrailingZeros().toPlainString();
    annotations.put("summary", service.name() + " is burning the error budget of its " + slo.name() + " SLO "
        + (severity == Severity.PAGE ? "fast: it will be gone in days if this goes on."
            : "steadily: it will be gone before the period ends if this goes on."));
    annotations.put("description", "The " + slo.name() + " SLO promises " + objective + "% over "
        + PromDuration.format(slo.period()) + " (error budget " + budget.movePointRight(2).toPlainString()
        + "%). The error ratio is " + String.join(", or ", explained) + ".");
    Alerts.links(annotations, settings, service, name);
    return Rule.alerting(name, condition, null, labels, annotations);
  }
}
