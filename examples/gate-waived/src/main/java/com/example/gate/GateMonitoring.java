package com.example.gate;

import static dev.sredsl.dsl.Conditions.errorRatio;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.time.LocalDate;

/** A paging alert without a runbook, waived until a date far ahead: the gate passes and reports it as waived. */
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
            .summary("Orders fail.")
            .waive(CoverageCounter.RUNBOOK, "The runbook is written in the launch review.", LocalDate.of(2099, 12, 31))));
  }
}
