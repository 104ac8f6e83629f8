package com.example.gate;

import static dev.sredsl.dsl.Conditions.errorRatio;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;

/**
 * Valid definitions with two gaps the gate must name: a paging alert without a runbook, and a
 * critical service without an SLO.
 */
public final class GateMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("orders", s -> s
        .tier(Tier.HIGH)
        .owner(o -> o.team("orders").onCall("orders-primary").escalation("orders-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed())
        .alert("OrdersFailing", a -> a
            .when(errorRatio().above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Orders fail."))
        .alert("OrdersErrorsElevated", a -> a
            .when(errorRatio().above(0.01))
            .lasting("30m")
            .severity(Severity.TICKET)
            .summary("Orders fail more often than usual.")
            .runbook(r -> r.symptoms("A few orders fail.").diagnose("Split errors by uri.")
                .mitigate(Step.safe("Roll back.")).escalate("Ask the orders team."))));

    sre.service("payments", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed()));
  }
}
