package dev.sredsl.check;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service as a team would declare it passes validation without any problem. */
class RealisticServiceTest {

  /** Checkout: Micrometer request metrics, an orders-db Hikari pool, two SLOs, alerts with full runbooks. */
  static final class CheckoutMonitoring implements SreDefinitions {
    @Override
    public void define(SreRegistry sre) {
      sre.service("checkout", s -> s
          .description("Takes the customer's basket to a paid order.")
          .tier(Tier.CRITICAL)
          .owner(o -> o
              .team("payments")
              .onCall("payments-primary")
              .escalation("payments-secondary")
              .chat("#payments-oncall"))
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
              .over(Duration.ofDays(28))
              .describedAs("Checkout answers within 300 ms."))
          .alert("CheckoutHighErrorRate", a -> a
              .when(errorRatio().over("5m").above(0.05))
              .lasting("5m")
              .severity(Severity.PAGE)
              .summary("Checkout fails more than 5% of requests.")
              .description("{{ $value | humanizePercentage }} of checkout requests failed with a 5xx.")
              .label("routing_key", "payments")
              .runbook(r -> r
                  .symptoms("Customers see HTTP 500 at payment confirmation.", "Support reports failed orders.")
                  .diagnose("Open the dashboard's Errors panel and split the failures by uri and exception.",
                      "Check whether a deployment started at the same time.")
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
                  .diagnose("Compare the latency panel with the orders-db pool usage panel.")
                  .mitigate(Step.safe("Scale the deployment out by two replicas."))
                  .escalate("Hand over to the database on-call if the pool stays above 90%.")))
          .alert("CheckoutNoTraffic", a -> a
              .when(traffic().over("10m").below(0.1))
              .lasting("10m")
              .severity(Severity.PAGE)
              .summary("Checkout receives almost no requests.")
              .runbook(r -> r
                  .symptoms("Orders stop arriving although the shop is open.")
                  .diagnose("Check the ingress and load-balancer health for the checkout route.")
                  .mitigate(Step.safe("Fail over the ingress to the secondary region."))
                  .escalate("Page the network on-call if the ingress is healthy.")))
          .alert("CheckoutOrdersPoolExhausted", a -> a
              .when(signal("hikari-orders").above(0.9))
              .lasting("5m")
              .severity(Severity.PAGE)
              .summary("The orders connection pool is more than 90% in use.")
              .waive(CoverageCounter.RUNBOOK, "Runbook is written in the incident review.", LocalDate.of(2027, 1, 15))));
    }
  }

  @Test
  void declaresWithoutProblemsAndValidatesWithZeroProblems() {
    SreRegistry sre = new SreRegistry();
    sre.collect(new CheckoutMonitoring());
    Declarations declarations = sre.declarations();

    assertEquals(List.of(), declarations.problems());
    assertEquals(List.of("checkout"), declarations.services().stream().map(Service::name).toList());
    assertEquals(List.of(), new DefinitionValidator().validate(declarations.services()));
  }

  @Test
  void keepsEveryDeclaredPart() {
    SreRegistry sre = new SreRegistry();
    sre.collect(new CheckoutMonitoring());
    Service checkout = sre.declarations().services().get(0);

    assertEquals(List.of("jvm-heap", "process-cpu", "hikari-orders"),
        checkout.signals().stream().map(s -> s.name()).toList());
    assertEquals(List.of("availability", "latency"), checkout.slos().stream().map(Slo::name).toList());
    assertEquals(List.of("CheckoutHighErrorRate", "CheckoutSlowRequests", "CheckoutNoTraffic",
        "CheckoutOrdersPoolExhausted"), checkout.alerts().stream().map(a -> a.name()).toList());
    assertEquals("hikari-orders", checkout.dependencies().get(0).health().name());
  }
}
