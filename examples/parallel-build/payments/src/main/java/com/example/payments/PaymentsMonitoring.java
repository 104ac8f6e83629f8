package com.example.payments;

import static dev.sredsl.dsl.Conditions.latency;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;

/** A critical service with availability and latency SLOs and a latency alert. */
public final class PaymentsMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("payments", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Jvm.cpu())
        .slo(Slo.availability(99.95))
        .slo(Slo.latency(Duration.ofMillis(250)).percent(99.0))
        .alert("PaymentsSlow", a -> a
            .when(latency(0.99).over("10m").above(Duration.ofSeconds(1)))
            .lasting("10m")
            .severity(Severity.PAGE)
            .summary("Payments answer slowly.")
            .runbook(r -> r
                .symptoms("Checkout waits on payment confirmation.")
                .diagnose("Compare the latency panel with the provider's status page.")
                .mitigate(Step.risky("Fail over to the second provider.", "Higher fees per payment."))
                .escalate("Page payments-secondary if the provider does not answer."))));
  }
}
