package com.example.orders;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;

/**
 * The pull request: protection reduced (threshold loosened, for lengthened, a paging alert removed, the SLO
 * lowered) beside ordinary changes (a runbook step, a panel retitled, a new alert). Nothing acknowledged.
 */
public final class OrdersMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("orders", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("shop").onCall("shop-primary").escalation("shop-secondary"))
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(99.5))
        .panel(p -> p
            .title("Orders placed by channel")
            .description("Orders placed per second, by sales channel; one channel dropping to zero points at it.")
            .unit("reqps")
            .query("sum by (channel) (rate(orders_placed_total{job=\"orders\"}[$__rate_interval]))"))
        .alert("OrdersHighErrorRate", a -> a
            .when(errorRatio().over("5m").above(0.10))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Orders fail more than 10% of requests.")
            .runbook(r -> r
                .symptoms("Customers cannot place orders.")
                .diagnose("Split the errors by uri on the dashboard.",
                    "Check the payment provider's status page.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page shop-secondary after 15 minutes.")))
        .alert("OrdersSlowRequests", a -> a
            .when(latency(0.99).over("10m").above(Duration.ofMillis(800)))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("Orders p99 latency is above 800 ms.")
            .runbook(r -> r
                .symptoms("Placing an order takes seconds.")
                .diagnose("Compare the latency panel with the database panels.")
                .mitigate(Step.safe("Scale the deployment out by two replicas."))
                .escalate("Ask shop-primary in the team channel."))));


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
