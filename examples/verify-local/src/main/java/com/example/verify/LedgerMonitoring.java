package com.example.verify;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.traffic;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;

/**
 * One service whose history prebuild.groovy designs: 10 requests a second, all under 300 ms, and one
 * burst of 20 failures a second for 30 minutes. The error alert must page once for that burst; the
 * latency and traffic alerts must be evaluable and stay quiet. No SLO: the history is designed for
 * the alerts only.
 */
public final class LedgerMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("ledger", s -> s
        .tier(Tier.HIGH)
        .owner(o -> o.team("books").onCall("books-primary").escalation("books-secondary"))
        .signals(Micrometer.httpServer())
        .alert("LedgerHighErrorRate", a -> a
            .when(errorRatio().over("5m").above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Ledger fails more than 5% of requests.")
            .runbook(r -> r.symptoms("Bookings fail with HTTP 500.")
                .diagnose("Split the errors by uri on the dashboard.")
                .mitigate(Step.safe("Roll back the last deployment."))
                .escalate("Page books-secondary after 15 minutes without mitigation.")))
        .alert("LedgerSlow", a -> a
            .when(latency(0.99).over("5m").above(Duration.ofMillis(500)))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("Ledger's p99 latency is above 500 ms."))
        .alert("LedgerNoTraffic", a -> a
            .when(traffic().over("5m").below(1))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("Ledger receives almost no requests.")));
  }
}
