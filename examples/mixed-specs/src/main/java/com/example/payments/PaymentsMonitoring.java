package com.example.payments;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;

/**
 * What a YAML spec cannot say about the payments service: who owns it, how critical it is, and its
 * signals. Its SLOs come from src/main/sre/payments.yml, the Sloth spec the team had before.
 */
public final class PaymentsMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("payments", s -> s
        .description("Takes card payments for orders.")
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed()));
  }
}
