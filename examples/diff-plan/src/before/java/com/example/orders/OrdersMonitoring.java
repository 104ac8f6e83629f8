package com.example.orders;

import static dev.sredsl.dsl.Conditions.errorRatio;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;

/** The baseline: what main holds before the pull request. */
public final class OrdersMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("orders", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("shop").onCall("shop-primary").escalation("shop-secondary"))
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(99.9))
        .panel(p -> p
            .title("Orders by channel")
            .description("Orders placed per second, by sales channel; one channel dropping to zero points at it.")
            .unit("reqps")
            .query("sum by (channel) (rate(orders_placed_total{job=\"orders\"}[$__rate_interval]))"))
        .alert("OrdersHighErrorRate", a -> a
            .when(errorRatio().over("5m").above(0.05))
            .lasting("2m")
            .severity(Severity.PAGE)
            .summary("Orders fail more than 5% of requests.")
            .runbook(r -> r
                .symptoms("Customers cannot place orders.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page shop-secondary after 15 minutes.")))
        .alert("OrdersLegacyErrors", a -> a
            .when(errorRatio().over("1m").above(0.2))
            .lasting("1m")
            .severity(Severity.PAGE)
            .summary("Orders fail more than 20% of requests over a minute.")
            .runbook(r -> r
                .symptoms("Customers cannot place orders.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page shop-secondary after 15 minutes."))));

    sre.service("catalog", s -> s
        .tier(Tier.LOW)
        .owner(o -> o.team("shop").onCall("shop-primary"))
        .signals(Micrometer.httpServer())
        .alert("CatalogFailing", a -> a
            .when(errorRatio().above(0.1))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("Catalog lookups fail.")
            .runbook(r -> r
                .symptoms("Product pages are empty.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Ask shop-primary in the team channel."))));
  }
}
