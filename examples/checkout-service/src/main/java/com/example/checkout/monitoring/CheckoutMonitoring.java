package com.example.checkout.monitoring;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;

/**
 * What "operable" means for checkout: found by the build without registration because it implements
 * {@link SreDefinitions}.
 */
public final class CheckoutMonitoring implements SreDefinitions {

  @Override
  public void define(SreRegistry sre) {
    sre.service("checkout", s -> s
        .description("Takes the customer's basket to a paid order.")
        .tier(Tier.CRITICAL)
        .owner(PaymentsTeam::owns)
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Jvm.cpu(), Hikari.pool("orders"))
        .dependency(d -> d
            .database("orders-db")
            .description("PostgreSQL holding orders and payments.")
            .via(Hikari.pool("orders")))
        .slo(Slo.availability(99.9)
            .over(Duration.ofDays(30))
            .describedAs("Checkout requests do not fail on our side."))
        .slo(Slo.latency(Duration.ofMillis(300))
            .percent(99.0)
            .over(Duration.ofDays(30))
            .describedAs("Checkout answers within 300 ms."))
        .panel(p -> p
            .title("Payments by provider")
            .description("Payments confirmed per second, by payment provider; a provider dropping to zero"
                + " while others continue points at that provider.")
            .unit("reqps")
            .query("sum by (provider) (rate(checkout_payments_total{job=\"checkout\"}[$__rate_interval]))"))

        .alert("CheckoutHighErrorRate", a -> a
            .when(errorRatio().over("5m").above(0.05))
            .lasting("2m")
            .severity(Severity.PAGE)
            .summary("Checkout fails more than 5% of requests.")
            .description("{{ $value | humanizePercentage }} of checkout requests failed with a 5xx over 5 minutes.")
            .runbook(r -> r
                .symptoms("Customers see HTTP 500 at payment confirmation.",
                    "Support reports failed orders.")
                .diagnose("Open the dashboard's Errors panel and split the failures by uri and exception.",
                    "Check whether a deployment started at the same time (deployment markers).",
                    "Check the orders-db pool panel: a full pool shows as timeouts here.")
                .mitigate(Step.safe("Roll back the last deployment if the errors started with it."))
                .mitigate(Step.risky("Restart the pods one at a time.",
                    "In-flight payments on a restarted pod are dropped and must be reconciled."))
                .escalate("Page payments-secondary after 15 minutes without mitigation.")
                .link("Payment provider status", "https://status.example-payments.com")))

        .alert("CheckoutSlowRequests", a -> a
            .when(latency(0.99).over("10m").above(Duration.ofMillis(800)))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("Checkout p99 latency is above 800 ms.")
            .runbook(r -> r
                .symptoms("Checkout pages spin before confirming; conversion drops.")
                .diagnose("Compare the latency panel with the orders-db pool usage panel.",
                    "Look for slow queries in the database's statement statistics.")
                .mitigate(Step.safe("Scale the deployment out by two replicas."))
                .escalate("Hand over to the database on-call if the pool stays above 90%.")))

        .alert("CheckoutNoTraffic", a -> a
            .when(traffic().over("10m").below(0.1))
            .lasting("10m")
            .severity(Severity.PAGE)
            .summary("Checkout receives almost no requests.")
            .runbook(r -> r
                .symptoms("Orders stop arriving although the shop is open.")
                .diagnose("Check the ingress and load-balancer health for the checkout route.",
                    "Check that the scrape target is up: a missing target also looks like no traffic.")
                .mitigate(Step.safe("Fail over the ingress to the secondary region."))
                .escalate("Page the network on-call if the ingress is healthy but requests do not arrive.")))

        .alert("CheckoutOrdersPoolExhausted", a -> a
            .when(signal("hikari-orders").above(0.9))
            .lasting("5m")
            // Pool usage flaps around 90% under load: one alert until it has stayed below for 10 minutes.
            .keepFiringFor("10m")
            .severity(Severity.PAGE)
            .summary("The orders connection pool is more than 90% in use.")
            .runbook(r -> r
                .symptoms("Requests time out waiting for a database connection.")
                .diagnose("Check the database for long-running transactions and locks.")
                .mitigate(Step.safe("Kill the blocking session if it belongs to a batch job."))
                .mitigate(Step.risky("Raise maximumPoolSize and redeploy.",
                    "More connections can overload the database for every service that uses it."))
                .escalate("Page the database on-call if locks persist after 10 minutes."))));
  }
}
