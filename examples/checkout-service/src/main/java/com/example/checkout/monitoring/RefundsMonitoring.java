package com.example.checkout.monitoring;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;

/**
 * The refunds API of the same team: its objective is reviewed every week by operations and promised
 * every quarter to payment partners, so it has an SLO over each period. A second definitions class in
 * one project is found like the first.
 */
public final class RefundsMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("refunds", s -> s
        .description("Returns money for cancelled orders.")
        .tier(Tier.HIGH)
        .owner(PaymentsTeam::owns)
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Jvm.cpu())
        .slo(Slo.availability(99.9)
            .named("weekly-availability")
            .over(Duration.ofDays(7))
            .describedAs("Refund requests do not fail on our side, reviewed every week."))
        .slo(Slo.availability(99.9)
            .named("quarterly-availability")
            .over(Duration.ofDays(90))
            .describedAs("The availability promised to payment partners for each quarter.")
            .ticketWhenBudgetExhausted()));
  }
}
