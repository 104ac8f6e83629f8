package com.example.orders;

import static dev.sredsl.dsl.Conditions.errorRatio;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;

/** A critical service with an SLO, a database dependency and a paging alert. */
public final class OrdersMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("orders", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("orders").onCall("orders-primary").escalation("orders-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Hikari.pool("orders"))
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
        .slo(Slo.availability(99.9))
        .alert("OrdersFailing", a -> a
            .when(errorRatio().above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Orders fail.")
            .runbook(r -> r
                .symptoms("Customers cannot place orders.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page orders-secondary after 15 minutes."))));
  }
}
