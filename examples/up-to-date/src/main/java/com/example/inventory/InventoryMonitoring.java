package com.example.inventory;

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
public final class InventoryMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("inventory", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("stock").onCall("stock-primary").escalation("stock-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Hikari.pool("stock"))
        .dependency(d -> d.database("stock-db").via(Hikari.pool("stock")))
        .slo(Slo.availability(99.9))
        .alert("InventoryFailing", a -> a
            .when(errorRatio().above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Stock lookups fail.")
            .runbook(r -> r
                .symptoms("Product pages show no stock.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page stock-secondary after 15 minutes."))));
  }
}
