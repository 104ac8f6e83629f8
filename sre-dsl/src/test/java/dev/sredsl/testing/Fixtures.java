package dev.sredsl.testing;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;
import java.util.function.Consumer;

/** Services declared as a user would, for tests of what comes after the DSL. */
public final class Fixtures {

  private Fixtures() {}

  public static Declarations declare(String name, Consumer<ServiceBuilder> spec) {
    return new SreRegistry().service(name, spec).declarations();
  }

  public static Service service(String name, Consumer<ServiceBuilder> spec) {
    return declare(name, spec).services().get(0);
  }

  /** A complete service using every kind of alert condition. */
  public static Service checkout() {
    return service("checkout", s -> s
        .description("Takes the basket to a paid order.")
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary").chat("#payments"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Hikari.pool("orders"))
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
        .slo(Slo.availability(99.9))
        .slo(Slo.latency(Duration.ofMillis(300)).percent(99))
        .alert("CheckoutHighErrorRate", a -> a
            .when(errorRatio().over("5m").above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Checkout fails more than 5% of requests.")
            .runbook(r -> r
                .symptoms("HTTP 500 at payment confirmation.")
                .diagnose("Split the errors by uri.")
                .mitigate(Step.safe("Roll back."), Step.risky("Restart pods.", "Drops in-flight payments."))
                .escalate("Page payments-secondary after 15 minutes.")))
        .alert("CheckoutSlow", a -> a
            .when(latency(0.99).over("10m").above(Duration.ofMillis(750)))
            .lasting(Duration.ofMinutes(10))
            .severity(Severity.TICKET)
            .summary("p99 above 750 ms."))
        .alert("CheckoutNoTraffic", a -> a
            .when(traffic().over("15m").below(0.5))
            .lasting("10m")
            .severity(Severity.PAGE)
            .summary("No requests."))
        .alert("CheckoutPoolBusy", a -> a
            .when(signal("hikari-orders").above(0.9))
            .lasting("1m30s")
            .severity(Severity.INFO)
            .label("component", "database")
            .summary("Pool busy."))
        .alert("CheckoutDown", a -> a
            .when(promql("  up{job=\"checkout\"} == 0 "))
            .lasting("2m")
            .severity(Severity.PAGE)
            .summary("A checkout instance is down.")));
  }
}
