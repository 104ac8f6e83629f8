package com.example.reports;

import static dev.sredsl.dsl.Conditions.errorRatio;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;

/** Complete definitions but for one mistake: the custom panel's query misses a parenthesis. */
public final class ReportsMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("reports", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("reports").onCall("reports-primary").escalation("reports-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed())
        .slo(Slo.availability(99.9))
        .panel(p -> p.title("Reports rendered").description("Reports rendered per second.").unit("reqps")
            .query("sum(rate(reports_rendered_total[$__rate_interval])"))
        .alert("ReportsFailing", a -> a
            .when(errorRatio().above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Reports fail.")
            .runbook(r -> r.symptoms("Users see errors when they open a report.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page the reports secondary after 15 minutes."))));
  }
}
