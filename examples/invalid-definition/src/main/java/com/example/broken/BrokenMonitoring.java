package com.example.broken;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.signal;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;

/** Every declaration here holds a mistake that validation must name. */
public final class BrokenMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("Checkout_API", s -> s
        .tier(Tier.HIGH)
        .signals(Micrometer.httpServer()));

    sre.service("orders", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("orders").onCall("orders-primary").escalation("orders-secondary"))
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(100))
        .slo(Slo.latency(Duration.ofMillis(250)).over(Duration.ofHours(36)))
        .alert("HighErrors", a -> a
            .when(errorRatio().over("5m").above(5))
            .lasting(Duration.ZERO)
            .severity(Severity.PAGE)
            .summary("Orders fail.")
            .runbook(r -> r.mitigate(Step.risky("Restart the database.", ""))))
        .alert("HighErrors", a -> a
            .when(signal("jvm-heap").above(0.9))
            .lasting("10m")
            .severity(Severity.TICKET))
        .alert("slow-orders", a -> a
            .when(errorRatio().over("5x").above(0.1))
            .severity(Severity.TICKET)));
  }
}
