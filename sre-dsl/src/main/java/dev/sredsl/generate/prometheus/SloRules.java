package dev.sredsl.generate.prometheus;

import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.conventions.LatencyBuckets;
import dev.sredsl.conventions.AlertNames;
import static dev.sredsl.promql.PromQL.add;
import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.call;
import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.increase;
import static dev.sredsl.promql.PromQL.mul;
import static dev.sredsl.promql.PromQL.or;
import static dev.sredsl.promql.PromQL.rate;
import static dev.sredsl.promql.PromQL.sum;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.overTime;
import static dev.sredsl.promql.PromQL.ratioOfRates;
import static dev.sredsl.promql.PromQL.ratioOfRatesWithoutDefault;
import static dev.sredsl.promql.PromQL.sub;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Numbers;
import dev.sredsl.generate.RecordedSeries;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.SloKind;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.promql.Subquery;
import dev.sredsl.promql.VectorSelector;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Expr;
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

  static List<Rule> recordings(Service service, Slo slo, Map<String, String> serviceLabels, SloWindowForm form) {
    Map<String, String> labels = sloLabels(slo, serviceLabels);
    RequestMetrics r = service.requests();
    VectorSelector bad = RecordedSeries.ofSlo(RecordedSeries.SLO_BAD_EVENTS_RATE, service, slo);
    VectorSelector all = RecordedSeries.ofSlo(RecordedSeries.SLO_EVENTS_RATE, service, slo);
    List<Rule> rules = new ArrayList<>();
    if (BurnRates.isRatio(slo)) {
      return ratioRecordings(service, slo, labels);
    }
    // The base rates read the golden-signal group's rates: each raw series is read once per evaluation.
    if (slo.kind() == SloKind.EVENTS) {
      // Events of the team's own counters: no golden-signal recording holds them, so they are read raw.
      rules.add(Rule.recording(RecordedSeries.SLO_EVENTS_RATE,
          EventRates.total(service, slo.events(), BurnRates.BASE_WINDOW), labels));
      rules.add(Rule.recording(RecordedSeries.SLO_BAD_EVENTS_RATE,
          EventRates.bad(service, slo.events(), BurnRates.BASE_WINDOW), labels));
    } else {
      rules.add(Rule.recording(RecordedSeries.SLO_EVENTS_RATE,
          sum(RecordedSeries.ofService(RecordedSeries.requestRate(r), service)), labels));
      rules.add(Rule.recording(RecordedSeries.SLO_BAD_EVENTS_RATE, badRateFromRecordings(service, slo), labels));
    }
    for (Duration window : BurnRates.recordedWindows(slo)) {
      Expr ratio;
      if (window.equals(BurnRates.BASE_WINDOW)) {
        ratio = div(bad, all);
      } else if (averaged(form, window)) {
        ratio = averagedRatio(bad, all, window);
      } else {
        ratio = slo.kind() == SloKind.EVENTS ? EventRates.errorRatio(service, slo.events(), window)
            : errorRatio(r, slo, window);
      }
      rules.add(Rule.recording(RecordedSeries.sloErrorRatio(window), ratio, labels));
    }
    for (Duration window : BurnRates.guardedWindows(slo)) {
      rules.add(Rule.recording(RecordedSeries.sloBadEvents(window), averaged(form, window)
          ? badEventsFromRecordings(bad, window)
          : slo.kind() == SloKind.EVENTS ? EventRates.badEvents(service, slo.events(), window)
          : badEvents(r, slo, window), labels));
    }
    // The period is too long to read raw in either form: a ratio of the base rates averaged over it.
    rules.add(Rule.recording(RecordedSeries.sloErrorRatio(slo.period()), averagedRatio(bad, all, slo.period()),
        labels));
    rules.addAll(budgetSeries(service, slo, labels));
    return rules;
  }

  /**
   * An SLO whose source gives the error ratio itself: every window is the query over that window, as
   * there are no rates to average, and the period's ratio is the average of the 5-minute ratios, the
   * best a ratio without its event counts allows (each five minutes weighs the same, busy or quiet).
   */
  private static List<Rule> ratioRecordings(Service service, Slo slo, Map<String, String> labels) {
    List<Rule> rules = new ArrayList<>();
    for (Duration window : BurnRates.recordedWindows(slo)) {
      rules.add(Rule.recording(RecordedSeries.sloErrorRatio(window),
          EventRates.errorRatio(service, slo.events(), window), labels));
    }
    rules.add(Rule.recording(RecordedSeries.sloErrorRatio(slo.period()), overTime("avg",
        RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(BurnRates.BASE_WINDOW), service, slo), slo.period()),
        labels));
    rules.addAll(budgetSeries(service, slo, labels));
    return rules;
  }

  /** What a dashboard reads of every SLO: objective, budget, budget remaining, burn rate. */
  private static List<Rule> budgetSeries(Service service, Slo slo, Map<String, String> labels) {
    List<Rule> rules = new ArrayList<>();
    BigDecimal budget = errorBudget(slo);
    rules.add(Rule.recording(RecordedSeries.SLO_OBJECTIVE,
        call("vector", number(BigDecimal.ONE.subtract(budget).doubleValue())), labels));
    rules.add(Rule.recording(RecordedSeries.SLO_ERROR_BUDGET, call("vector", number(budget.doubleValue())), labels));
    rules.add(Rule.recording(RecordedSeries.SLO_ERROR_BUDGET_REMAINING,
        sub(number(1), div(RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(slo.period()), service, slo),
            number(budget.doubleValue()))), labels));
    rules.add(Rule.recording(RecordedSeries.SLO_BURN_RATE,
        div(RecordedSeries.ofSlo(RecordedSeries.sloErrorRatio(BurnRates.DISPLAY_WINDOW), service, slo),
            number(budget.doubleValue())), labels));
    return rules;
  }

  /**
   * Whether a window is averaged from the base rates: every window longer than the base window in the
   * recorded form. A shorter one cannot be (the base rates each span five minutes), and reads few
   * samples raw.
   */
  private static boolean averaged(SloWindowForm form, Duration window) {
    return form == SloWindowForm.RECORDED && window.compareTo(BurnRates.BASE_WINDOW) > 0;
  }

  /**
   * The SLO's two base rates from the raw series alone, as a backfill evaluates them: the history the
   * recorded windows read before the rules were first deployed.
   */
  static List<Rule> baseRatesFromRawSeries(Service service, Slo slo, Map<String, String> serviceLabels) {
    Map<String, String> labels = sloLabels(slo, serviceLabels);
    Duration base = BurnRates.BASE_WINDOW;
    if (BurnRates.isRatio(slo)) {
      // The period's ratio averages the 5-minute ratio: that is the history to write.
      return List.of(Rule.recording(RecordedSeries.sloErrorRatio(base), EventRates.errorRatio(service, slo.events(),
          base), labels));
    }
    if (slo.kind() == SloKind.EVENTS) {
      return List.of(
          Rule.recording(RecordedSeries.SLO_EVENTS_RATE, EventRates.total(service, slo.events(), base), labels),
          Rule.recording(RecordedSeries.SLO_BAD_EVENTS_RATE, EventRates.bad(service, slo.events(), base), labels));
    }
    RequestMetrics r = service.requests();
    return List.of(
        Rule.recording(RecordedSeries.SLO_EVENTS_RATE, sum(rate(r.requests(), base)), labels),
        Rule.recording(RecordedSeries.SLO_BAD_EVENTS_RATE, slo.kind() == SloKind.AVAILABILITY
            ? or(sum(rate(r.failedRequests(), base)), mul(sum(rate(r.requests(), base)), number(0)))
            : sub(sum(rate(r.requests(), base)), sum(rate(goodBuckets(r, slo), base))), labels));
  }

  /**
   * Bad events per second over the base window, from the golden-signal rates: failed requests, or all
   * requests minus those in the threshold's bucket. Without a failure series but with traffic, none
   * failed; without traffic there is no rate at all, as for all events, so that an average over a
   * window never counts a bad rate of 0 at a time no event rate was recorded.
   */
  private static Expr badRateFromRecordings(Service service, Slo slo) {
    RequestMetrics r = service.requests();
    if (slo.kind() == SloKind.AVAILABILITY) {
      return or(sum(RecordedSeries.ofService(RecordedSeries.errorRate(r), service)),
          mul(sum(RecordedSeries.ofService(RecordedSeries.requestRate(r), service)), number(0)));
    }
    return sub(sum(RecordedSeries.ofService(RecordedSeries.requestRate(r), service)),
        sum(RecordedSeries.ofService(RecordedSeries.latencyBucketRate(r), service)
            .and(LatencyBuckets.bound(slo.latencyThreshold()))));
  }

  /**
   * The rate over {@code window} from the 5-minute rate recorded at every evaluation. Each recorded
   * sample covers the five minutes before it, so the plain average over the window weighs the newest
   * and the oldest five minutes by less than their due, and reacts to a step in the rate 2.5 minutes
   * late. Adding 2.5 minutes' worth of the newest sample and taking away 2.5 minutes' worth of the
   * sample a window ago puts the weights back: a step counts in full from five minutes after it, as in
   * {@code rate} over the raw series (to within one evaluation interval's share of the window, as the
   * average holds one sample more or less than the window has intervals). Before the recordings reach a
   * window back, the oldest sample counts as 0. Averages, unlike sums, do not depend on the evaluation
   * interval. The correction weighs the oldest minutes negatively, so a burst that is leaving the
   * window can take the bad rate below 0 for a few minutes: the ratio clamps it at 0.
   */
  static Expr averageRate(VectorSelector rate5m, Duration window) {
    BigDecimal windowsOfCorrection = BigDecimal.valueOf(window.toSeconds())
        .divide(BigDecimal.valueOf(CORRECTION.toSeconds()), MathContext.DECIMAL64).stripTrailingZeros();
    Expr windowAgo = or(rate5m.offset(window), mul(rate5m, number(0)));
    return add(overTime("avg", rate5m, window),
        div(sub(rate5m, windowAgo), number(windowsOfCorrection.doubleValue())));
  }

  /** The error ratio over {@code window} from the two base rates, never below 0. */
  private static Expr averagedRatio(VectorSelector bad, VectorSelector all, Duration window) {
    return div(call("clamp_min", averageRate(bad, window), number(0)), averageRate(all, window));
  }

  /** Half the base window: how late the plain average of base rates follows a step. */
  private static final Duration CORRECTION = BurnRates.BASE_WINDOW.dividedBy(2);

  /**
   * Bad events over {@code window}, counted from the recorded 5-minute rate at 5-minute steps: the
   * steps tile the window, so each event counts once, and only the time the recordings cover counts
   * (a rate averaged over a short history and stretched to the window would count a single failure
   * after a deployment many times). Prometheus 2 includes both ends of a range, so at an evaluation
   * that falls on a multiple of five minutes the count holds one step more, five minutes' worth of bad
   * events: a guard needs a few events, not an exact count, and Prometheus 3's ranges leave the oldest
   * end out.
   */
  static Expr badEventsFromRecordings(VectorSelector badRate5m, Duration window) {
    return mul(call("sum_over_time", new Subquery(badRate5m, window, BurnRates.BASE_WINDOW, null, null)),
        number(BurnRates.BASE_WINDOW.toSeconds()));
  }

  private static VectorSelector goodBuckets(RequestMetrics r, Slo slo) {
    return r.buckets().and(LatencyBuckets.bound(slo.latencyThreshold()));
  }

  /**
   * How many of the SLO's events were bad over {@code window}: failed requests, or requests slower
   * than the threshold. A missing failure series counts as no failure.
   */
  static Expr badEvents(RequestMetrics r, Slo slo, Duration window) {
    if (slo.kind() == SloKind.AVAILABILITY) {
      return binary(BinaryOp.OR, sum(increase(r.failedRequests(), window)), call("vector", number(0)));
    }
    return sub(sum(increase(r.requests(), window)), sum(increase(goodBuckets(r, slo), window)));
  }

  /** Share of the SLO's events that were bad over {@code window}. */
  static Expr errorRatio(RequestMetrics r, Slo slo, Duration window) {
    if (slo.kind() == SloKind.AVAILABILITY) {
      return ratioOfRates(r.failedRequests(), r.requests(), window);
    }
    // Good events are those in the bucket of the threshold: one minus their share is the bad share. A
    // missing bucket means the application does not publish that bound, not that no request was fast:
    // counted as 0 it would read a healthy service as 100% slow and page forever, so it gives no data.
    return sub(number(1), ratioOfRatesWithoutDefault(goodBuckets(r, slo), r.requests(), window));
  }

  static List<Rule> alerts(Service service, Slo slo, Map<String, String> serviceLabels, GenerationSettings settings) {
    List<Rule> rules = new ArrayList<>();
    if (slo.pageAlerts()) {
      rules.add(burnAlert(service, slo, AlertNames.fastBurnAlert(service, slo), Severity.PAGE,
          BurnRates.windows(slo, BurnRates.AlertTier.FAST), serviceLabels, settings));
    }
    if (slo.ticketAlerts()) {
      rules.add(burnAlert(service, slo, AlertNames.slowBurnAlert(service, slo), Severity.TICKET,
          BurnRates.windows(slo, BurnRates.AlertTier.SLOW), serviceLabels, settings));
    }
    if (slo.budgetExhaustedTicket()) {
      rules.add(budgetExhausted(service, slo, serviceLabels, settings));
    }
    return rules;
  }

  /**
   * Each condition: the long and the short window above factor x budget, and, against noise at low
   * traffic, the long window holding the minimum of bad events.
   */
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
      if (BurnRates.guarded(slo)) {
        both = binary(BinaryOp.AND, both,
            binary(BinaryOp.GTE, RecordedSeries.ofSlo(RecordedSeries.sloBadEvents(w.longWindow()), service, slo),
                number(slo.minimumBadEvents())));
      }
      condition = condition == null ? both : binary(BinaryOp.OR, condition, both);
      explained.add("over " + PromDuration.format(w.longWindow()) + " and " + PromDuration.format(w.shortWindow())
          + " above " + Numbers.readable(w.factor(slo.period())) + " times the budget");
    }
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", service.name() + " is burning the error budget of its " + slo.name() + " SLO "
        + (severity == Severity.PAGE ? "fast: it will be gone in days if this goes on."
            : "steadily: it will be gone before the period ends if this goes on."));
    String guard = BurnRates.guarded(slo)
        ? " Each needs at least " + slo.minimumBadEvents() + " bad events in its long window, so a single failure"
            + " at low traffic does not alert."
        : "";
    annotations.put("description", promise(slo, budget) + " The error ratio is " + String.join(", or ", explained)
        + "." + guard);
    SloAlerting alerting = slo.alerting() == null ? SloAlerting.CONVENTIONAL : slo.alerting();
    // The team's annotations replace the generated text of the same name; the links stay the build's.
    annotations.putAll(alerting.annotationsOf(severity));
    Alerts.links(annotations, settings, service, name);
    Map<String, String> labels = new TreeMap<>(alerting.labelsOf(severity));
    labels.putAll(sloLabels(slo, serviceLabels, severity));
    return Rule.alerting(name, condition, null, labels, annotations);
  }

  /** A ticket while the error ratio over the whole period exceeds the budget. */
  private static Rule budgetExhausted(Service service, Slo slo, Map<String, String> serviceLabels,
      GenerationSettings settings) {
    BigDecimal budget = errorBudget(slo);
    String name = AlertNames.budgetExhaustedAlert(service, slo);
    Expr condition = binary(BinaryOp.LTE, RecordedSeries.ofSlo(RecordedSeries.SLO_ERROR_BUDGET_REMAINING, service, slo),
        number(0));
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", service.name() + " has spent the whole error budget of its " + slo.name()
        + " SLO for the last " + slo.period().toDays() + " days.");
    annotations.put("description", promise(slo, budget) + " The error ratio over the period has reached the"
        + " budget: the objective is missed until enough good days pass. Apply the team's error-budget policy.");
    Alerts.links(annotations, settings, service, name);
    return Rule.alerting(name, condition, BUDGET_EXHAUSTED_FOR, sloLabels(slo, serviceLabels, Severity.TICKET),
        annotations);
  }

  /**
   * How long the budget must stay spent before the ticket opens: the period's ratio moves slowly, so
   * this only rides out an evaluation that sees a partial scrape.
   */
  static final Duration BUDGET_EXHAUSTED_FOR = Duration.ofMinutes(5);

  private static String promise(Slo slo, BigDecimal budget) {
    String objective = BigDecimal.valueOf(slo.objectivePercent()).stripTrailingZeros().toPlainString();
    return "The " + slo.name() + " SLO promises " + objective + "% over " + slo.period().toDays() + "d"
        + " (error budget " + budget.movePointRight(2).stripTrailingZeros().toPlainString() + "%).";
  }

  private static Map<String, String> sloLabels(Slo slo, Map<String, String> serviceLabels, Severity severity) {
    Map<String, String> labels = sloLabels(slo, serviceLabels);
    labels.put(GeneratedLabels.SEVERITY, severity.label());
    return labels;
  }

  private static Map<String, String> sloLabels(Slo slo, Map<String, String> serviceLabels) {
    Map<String, String> labels = new TreeMap<>(serviceLabels);
    labels.put(GeneratedLabels.SLO, slo.name());
    return labels;
  }
}
