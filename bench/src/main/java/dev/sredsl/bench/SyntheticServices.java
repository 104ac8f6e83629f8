package dev.sredsl.bench;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;

import dev.sredsl.dsl.AlertBuilder;
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
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A monorepo's worth of services, declared with the real DSL as a team would: each has an owner with
 * escalation, the four golden signals (Micrometer HTTP server metrics for traffic, errors and latency;
 * JVM heap and CPU and a HikariCP pool for saturation), three dependencies with health signals from
 * presets (a database through its pool, an HTTP service through its client metrics, a cache), an
 * availability and a latency SLO, and ten alerts of every condition kind, each with a full runbook.
 * Ten services share a team, so the Alertmanager routes grow with the build too.
 */
public final class SyntheticServices implements SreDefinitions {

  private final int count;

  public SyntheticServices(int count) {
    this.count = count;
  }

  @Override
  public void define(SreRegistry sre) {
    for (int i = 0; i < count; i++) {
      declare(sre, i);
    }
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "svc-%05d", i);
  }

  private static void declare(SreRegistry sre, int i) {
    String name = name(i);
    String team = String.format(Locale.ROOT, "team-%04d", i / 10);
    String pool = "db-" + i;
    String upstream = name(i + 1);
    String camel = "Svc" + i;
    sre.service(name, s -> {
      s.description("Synthetic service " + i + " of the generation benchmark: orders, payments and their stores.")
          .tier(i % 3 == 2 ? Tier.HIGH : Tier.CRITICAL)
          .owner(o -> o.team(team).onCall(team + "-primary").escalation(team + "-secondary")
              .chat("#" + team + "-oncall"))
          .signals(Micrometer.httpServer())
          .saturation(Jvm.heapUsed(), Jvm.cpu(), Hikari.pool(pool))
          .dependency(d -> d.database(name + "-db").description("PostgreSQL holding the service's state.")
              .via(Hikari.pool(pool)))
          .dependency(d -> d.http(upstream).description("The upstream service this one calls.")
              .via(Micrometer.httpClient(upstream)))
          .dependency(d -> d.cache(name + "-cache").description("Redis in front of the database.")
              .via(Micrometer.cache(name + "-cache")))
          .slo(Slo.availability(99.9).over(Duration.ofDays(30)).describedAs("Requests do not fail on our side."))
          .slo(Slo.latency(Duration.ofMillis(300)).percent(99.0).over(Duration.ofDays(28))
              .describedAs("Requests are answered within 300 ms."));
      s.alert(camel + "HighErrorRate", a -> alert(a, errorRatio().over("5m").above(0.05), "2m", Severity.PAGE,
          "fails more than 5% of requests", "{{ $value | humanizePercentage }} of requests failed with a 5xx."));
      s.alert(camel + "ElevatedErrorRate", a -> alert(a, errorRatio().over("30m").above(0.01), "15m",
          Severity.TICKET, "fails more than 1% of requests over half an hour", null));
      s.alert(camel + "SlowRequests", a -> alert(a, latency(0.99).over("10m").above(Duration.ofMillis(800)), "10m",
          Severity.TICKET, "p99 latency is above 800 ms", "p99 is {{ $value | humanize }}s."));
      s.alert(camel + "VerySlowRequests", a -> alert(a, latency(0.9).over("5m").above(Duration.ofSeconds(2)), "5m",
          Severity.PAGE, "p90 latency is above 2 s", null));
      s.alert(camel + "NoTraffic", a -> alert(a, traffic().over("10m").below(0.1), "10m", Severity.PAGE,
          "receives almost no requests", null));
      s.alert(camel + "TrafficSurge", a -> alert(a, traffic().over("5m").above(5000), "5m", Severity.INFO,
          "receives more than 5000 requests per second", "{{ printf \"%.0f\" $value }} requests per second."));
      s.alert(camel + "HeapFull", a -> alert(a, signal("jvm-heap").above(0.9), "5m", Severity.TICKET,
          "uses more than 90% of its heap", "{{ $value | humanizePercentage }} of the heap is in use."));
      s.alert(camel + "CpuBusy", a -> alert(a, signal("process-cpu").above(0.85), "15m", Severity.TICKET,
          "uses more than 85% CPU", null));
      s.alert(camel + "PoolExhausted", a -> alert(a, signal("hikari-" + pool).above(0.9), "5m", Severity.PAGE,
          "uses more than 90% of its connection pool", null));
      s.alert(camel + "PoolIdle", a -> alert(a, signal("hikari-" + pool).below(0.01), "1h", Severity.INFO,
          "does not use its connection pool", null));
    });
  }

  private static void alert(AlertBuilder a, dev.sredsl.model.Condition condition, String lasting, Severity severity,
      String summary, String description) {
    a.when(condition).lasting(lasting).severity(severity).summary("The service " + summary + ".");
    if (description != null) {
      a.description(description);
    }
    a.runbook(runbook(summary));
  }

  private static Consumer<dev.sredsl.dsl.RunbookBuilder> runbook(String summary) {
    return r -> r
        .symptoms("Customers notice that the service " + summary + ".", "Support reports failed orders.")
        .diagnose("Open the dashboard's Golden signals row and find when it started.",
            "Check whether a deployment started at the same time (deployment markers).",
            "Check the Dependencies row: a slow dependency shows up here first.")
        .mitigate(Step.safe("Roll back the last deployment if the problem started with it."))
        .mitigate(Step.risky("Restart the pods one at a time.", "In-flight requests on a restarted pod are dropped."))
        .escalate("Page the secondary on-call after 15 minutes without mitigation.")
        .link("Service overview", "https://wiki.example.com/services/overview");
  }
}
