package dev.sredsl.generate.runbook;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.conventions.MissingData;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Naming;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator.GeneratedAlert;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.model.Step;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.PromDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The runbooks of the alerts the generators add (burn rate, budget exhausted, missing data): written
 * once here for every service, since nobody declares them.
 */
final class GeneratedAlertRunbooks {

  private GeneratedAlertRunbooks() {}

  static Runbook of(Service service, GeneratedAlert alert, GenerationSettings settings) {
    String name = alert.name();
    if (name.equals(AlertNames.metricsMissingAlert(service))) {
      return metricsMissing(service);
    }
    if (name.equals(AlertNames.targetsDownAlert(service))) {
      return targetsDown(service);
    }
    for (Slo slo : service.slos()) {
      if (name.equals(AlertNames.budgetExhaustedAlert(service, slo))) {
        return budgetExhausted(service, slo);
      }
    }
    return burnRate(service, alert, settings);
  }

  private static String escalation(Service service) {
    return service.owner().escalation() != null ? service.owner().escalation() : "the owning team's lead";
  }

  private static String selector(Service service) {
    return "{" + service.selector().stream().map(LabelMatcher::toString).collect(Collectors.joining(", ")) + "}";
  }

  /** What to do when an SLO's budget burns. */
  private static Runbook burnRate(Service service, GeneratedAlert alert, GenerationSettings settings) {
    String slo = alert.labels().getOrDefault(GeneratedLabels.SLO, "");
    boolean fast = "critical".equals(alert.labels().get(GeneratedLabels.SEVERITY));
    List<String> diagnosis = new ArrayList<>(List.of(
        "Open the dashboard's Overview row and read the burn rate and the budget remaining of " + slo + ".",
        "In the Golden signals row, find when the errors or the slow requests started and which requests they are.",
        "Compare that time with the deployment markers and with the Dependencies row."));
    service.slos().stream()
        .filter(s -> s.name().equals(slo) && settings.windowFormOf(s) == SloWindowForm.RECORDED)
        .findFirst()
        .ifPresent(s -> diagnosis.add(youngWindows(service, longestAlertWindow(s))));
    return new Runbook(
        List.of("The " + slo + " SLO of " + service.name() + " spends its error budget "
            + (fast ? "fast: at this pace it is gone within days." : "steadily: at this pace it is gone before the"
            + " period ends.")),
        diagnosis,
        List.of(Step.safe("Roll back the last deployment if the burn started with it."),
            Step.safe("If one dependency causes it, fail over or shed the load on that dependency.")),
        List.of(fast ? "Page " + escalation(service) + " if the burn goes on for 30 minutes after the first mitigation."
            : "Raise it with " + escalation(service) + " in working hours if the budget remaining keeps falling."),
        List.of());
  }

  /**
   * The one way the recorded windows differ from raw ones: they hold only what was recorded since the
   * rules were first deployed.
   */
  private static String youngWindows(Service service, java.time.Duration longest) {
    return "If the rules were first deployed less than " + PromDuration.format(longest) + " ago, the SLO's"
        + " windows hold only the time since, as they are averaged from 5-minute recordings, unless that history was"
        + " backfilled with promtool tsdb create-blocks-from rules and " + Naming.backfillRulesFile(service) + ".";
  }

  private static java.time.Duration longestAlertWindow(Slo slo) {
    List<java.time.Duration> windows = BurnRates.recordedWindows(slo);
    return windows.get(windows.size() - 1);
  }

  private static Runbook budgetExhausted(Service service, Slo slo) {
    return new Runbook(
        List.of("The " + slo.name() + " SLO of " + service.name() + " has spent its whole error budget for the last "
            + PromDuration.format(slo.period()) + ": users have had more failures than promised."),
        List.of("Open the dashboard's Overview row: the budget remaining of " + slo.name() + " is at or below zero.",
            "Find the incidents that spent it: the burn-rate alerts of the period, and the error ratio panel.",
            "Check whether the burn has stopped: the current burn rate below 1 means the budget is recovering.",
            youngWindows(service, slo.period())),
        List.of(Step.safe("Apply the team's error-budget policy, e.g. hold feature releases and put reliability"
                + " work first until the budget is positive again."),
            Step.safe("Write down which incidents spent the budget, for the next planning.")),
        List.of("Raise it with " + escalation(service) + " and the product owner in working hours."),
        List.of());
  }

  private static Runbook metricsMissing(Service service) {
    return new Runbook(
        List.of("Prometheus has received no sample of the metric in the alert's metric label from "
            + service.name() + " (selector " + selector(service) + ") for "
            + PromDuration.format(MissingData.ABSENT_WINDOW) + ". Every alert that reads it is blind meanwhile:"
            + " silence here does not mean health."),
        List.of("Check the targets of the service on Prometheus' Targets page: a target that is up but lacks the"
                + " metric points at the application, a missing target at service discovery.",
            "Query the metric without the service's selector: if it appears with other labels, the selector or a"
                + " relabelling changed; if it appears under another name, the instrumentation was upgraded or"
                + " renamed it.",
            "For a histogram bucket with an le label: the service publishes other bucket bounds; compare them with"
                + " the latency SLO's threshold.",
            "Compare the time the metric stopped with the deployment markers."),
        List.of(Step.safe("Roll back the deployment that stopped or renamed the metric."),
            Step.safe("If the metric was renamed on purpose, update the service's definitions so the alerts read"
                + " the new name, and deploy the regenerated rules.")),
        List.of("Page " + escalation(service) + " if the metric is still missing 30 minutes after the first mitigation:"
            + " the service runs without the alerts that protect it."),
        List.of());
  }

  private static Runbook targetsDown(Service service) {
    return new Runbook(
        List.of("Prometheus cannot scrape at least half of " + service.name() + "'s targets (up"
            + selector(service) + " is 0): the instances are down or their metrics endpoint fails."),
        List.of("Check the Targets page of Prometheus for the scrape error of each target (connection refused,"
                + " timeout, HTTP status).",
            "Check whether the instances run: a crash loop or failing health checks point at the service, running"
                + " instances with failed scrapes at the network or the metrics endpoint.",
            "Compare with the deployment markers: a rollout that changed the port or path of the metrics endpoint"
                + " looks like this."),
        List.of(Step.safe("Roll back the last deployment if the targets went down with it."),
            Step.risky("Restart the instances that do not answer.",
                "Restarting all at once drops in-flight requests; restart one at a time.")),
        List.of("Page " + escalation(service) + " if the targets stay down 15 minutes after the first mitigation."),
        List.of());
  }
}
