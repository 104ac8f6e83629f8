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
import dev.sredsl.presets.ThreadPool;
import dev.sredsl.presets.Kafka;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Signal;
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

  /** A service with one alert of every kind the DSL offers, on every preset signal. */
  public static Service everything() {
    return Fixtures.service("everything", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("platform"))
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Jvm.cpu(), Hikari.pool("main"), Hikari.pending("main"),
            ThreadPool.queue("workers"), Kafka.consumerLag("orders-consumer"))
        .dependency(d -> d.http("payments").via(Micrometer.httpClient("payments")))
        .dependency(d -> d.cache("sessions").via(Micrometer.cache("sessions")))
        .signal(Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_placed_total{job=\"everything\"}[5m]))"))
        .slo(Slo.availability(99.95))
        .slo(Slo.latency(Duration.ofSeconds(1)).percent(99.5).over(Duration.ofDays(28)))
        .alert("ErrorsAbove", a -> a.when(errorRatio().over("10m").above(0.1)).lasting("5m").severity(Severity.PAGE)
            .summary("{{ $value | humanizePercentage }} fail").description("value {{ $value }} / {{ humanize $value }}"))
        .alert("LatencyAbove", a -> a.when(latency(0.9).over("5m").above(Duration.ofMillis(250))).lasting("2m")
            .severity(Severity.TICKET).summary("p90 is {{ printf \"%.3f\" $value }}s"))
        .alert("LatencyBelow", a -> a.when(latency(0.5).above(Duration.ofSeconds(2))).severity(Severity.INFO))
        .alert("TrafficAbove", a -> a.when(traffic().above(100)).severity(Severity.INFO).summary("{{ $value }} rps"))
        .alert("TrafficBelow", a -> a.when(traffic().over("15m").below(2.5)).lasting("10m").severity(Severity.PAGE))
        .alert("HeapFull", a -> a.when(signal("jvm-heap").above(0.95)).lasting("5m").severity(Severity.PAGE))
        .alert("CpuBusy", a -> a.when(signal("process-cpu").above(0.8)).severity(Severity.TICKET))
        .alert("PoolBusy", a -> a.when(signal("hikari-main").above(0.9)).severity(Severity.TICKET))
        .alert("PoolQueueing", a -> a.when(signal("hikari-main-pending").above(0)).severity(Severity.TICKET))
        .alert("QueueFull", a -> a.when(signal("executor-workers").above(0.8)).severity(Severity.TICKET))
        .alert("LagHigh", a -> a.when(signal("kafka-lag-orders-consumer").above(10000)).severity(Severity.TICKET))
        .alert("PaymentsFailing", a -> a.when(signal("http-client-payments").above(0.05)).severity(Severity.PAGE))
        .alert("CacheMissing", a -> a.when(signal("cache-sessions").above(0.5)).severity(Severity.INFO))
        .alert("OrdersStopped", a -> a.when(signal("orders-placed").below(0.1)).severity(Severity.PAGE))
        .alert("InstanceDown", a -> a.when(promql("up{job=\"everything\"} == 0")).lasting("1m").severity(Severity.PAGE)
            .summary("{{ $labels.instance }} of {{ $labels.job }} is down"))
        .alert("TargetMissing", a -> a.when(promql("absent(up{job=\"everything\"})")).severity(Severity.PAGE))
        .alert("RetriesHigh", a -> a.when(promql("sum by (client) (rate(retries_total{job=\"everything\"}[5m])) > 3"))
            .severity(Severity.TICKET).summary("{{ $labels.client }} retries {{ $value }}/s")));
  }

}
