package com.example.shipping;

import static dev.sredsl.dsl.Conditions.errorRatio;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;

/** A low-tier service whose only alert opens a ticket. */
public final class ShippingMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("shipping", s -> s
        .tier(Tier.LOW)
        .owner(o -> o.team("logistics").onCall("logistics-primary").escalation("logistics-lead"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed())
        .alert("ShippingErrors", a -> a
            .when(errorRatio().over("15m").above(0.1))
            .lasting("30m")
            .severity(Severity.TICKET)
            .summary("Shipping label requests fail.")
            .runbook(r -> r
                .symptoms("Parcels wait for labels in the warehouse.")
                .diagnose("Check the carrier API errors on the dashboard.")
                .mitigate(Step.safe("Retry the failed labels from the admin page."))
                .escalate("Open a carrier ticket if their API fails for an hour."))));
  }
}
