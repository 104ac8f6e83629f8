package dev.sredsl.generate.prometheus;

import static dev.sredsl.promql.PromQL.avg;
import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.call;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.string;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.conventions.MissingData;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts that keep a service's other alerts from going silent for the wrong reason: its inputs
 * stopped ({@code <Service>MetricsMissing}) or its scrape targets are down ({@code <Service>TargetsDown}).
 * Every other alert evaluates to nothing when its series are gone, which looks exactly like health.
 */
final class MissingDataRules {

  /** The label naming the input that is missing. */
  static final String METRIC_LABEL = "metric";

  private MissingDataRules() {}

  static List<Rule> alerts(Service service, Map<String, String> serviceLabels, GenerationSettings settings) {
    List<Rule> rules = new ArrayList<>();
    if (!MissingData.enabled(service)) {
      return rules;
    }
    List<VectorSelector> watched = MissingData.watched(service);
    if (!watched.isEmpty()) {
      rules.add(metricsMissing(service, watched, serviceLabels, settings));
    }
    if (MissingData.hasTargets(service)) {
      rules.add(targetsDown(service, serviceLabels, settings));
    }
    return rules;
  }

  /**
   * One result per input without a sample for the window, labelled with the input's name: the
   * absent series' labels alone (the selector's) would make two missing inputs one alert.
   */
  static Expr metricsMissingExpression(List<VectorSelector> watched) {
    Expr expression = null;
    for (VectorSelector input : watched) {
      Expr one = call("label_replace", call("absent_over_time", input.range(MissingData.ABSENT_WINDOW)),
          string(METRIC_LABEL), string(input.name()), string("__name__"), string(".*"));
      expression = expression == null ? one : binary(BinaryOp.OR, expression, one);
    }
    return expression;
  }

  private static Rule metricsMissing(Service service, List<VectorSelector> watched, Map<String, String> serviceLabels,
      GenerationSettings settings) {
    String name = AlertNames.metricsMissingAlert(service);
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", service.name() + " exports no {{ $labels.metric }}: the alerts that read it cannot"
        + " fire.");
    annotations.put("description", "No series of {{ $labels.metric }} matched the service's selector for "
        + PromDuration.format(MissingData.ABSENT_WINDOW) + ". The alerts that read it evaluate to nothing, which"
        + " looks like health: the metric was renamed, the exporter stopped, or the scrape lost it.");
    Alerts.links(annotations, settings, service, name);
    return Rule.alerting(name, metricsMissingExpression(watched), MissingData.METRICS_MISSING_FOR,
        labels(service, serviceLabels), annotations);
  }

  /** The share of the service's scrape targets that are up, at most the limit. */
  static Expr targetsDownExpression(Service service) {
    return binary(BinaryOp.LTE, avg(new VectorSelector("up", service.selector(), null, null)),
        number(MissingData.TARGETS_UP_AT_MOST));
  }

  private static Rule targetsDown(Service service, Map<String, String> serviceLabels, GenerationSettings settings) {
    String name = AlertNames.targetsDownAlert(service);
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", "Only {{ $value | humanizePercentage }} of " + service.name()
        + "'s scrape targets are up.");
    annotations.put("description", "Prometheus cannot scrape at least half of the service's targets: the"
        + " instances are down, or the network or their metrics endpoint fails. What they export is missing"
        + " from every alert meanwhile.");
    Alerts.links(annotations, settings, service, name);
    return Rule.alerting(name, targetsDownExpression(service), MissingData.targetsDownFor(service),
        labels(service, serviceLabels), annotations);
  }

  private static Map<String, String> labels(Service service, Map<String, String> serviceLabels) {
    Map<String, String> labels = new TreeMap<>(serviceLabels);
    labels.put(GeneratedLabels.SEVERITY, severity(service).label());
    return labels;
  }

  static Severity severity(Service service) {
    return MissingData.severity(service);
  }
}
