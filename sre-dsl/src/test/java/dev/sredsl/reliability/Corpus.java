package dev.sredsl.reliability;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;
import static dev.sredsl.reliability.BadInput.declared;
import static dev.sredsl.reliability.BadInput.service;

import dev.sredsl.dsl.AlertBuilder;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.discovery.DefinitionsLoader;
import dev.sredsl.testing.JavaSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invalid definitions of {@link BadInputCorpusTest}. Each breaks one rule of a service that is
 * otherwise complete, so that its lines in {@code bad-input-messages.txt} are about that rule alone.
 */
final class Corpus {

  static final GenerationSettings SETTINGS = new GenerationSettings(
      "https://git.example.com/orders/runbooks", "https://grafana.example.com", Map.of());

  private Corpus() {}

  /** Everything a valid service needs; each case adds its one fault. */
  static ServiceBuilder complete(ServiceBuilder s) {
    return complete(s, Micrometer.httpServer());
  }

  /** Everything a valid service needs, with the given request metrics. */
  static ServiceBuilder complete(ServiceBuilder s, RequestMetrics requests) {
    return s.tier(Tier.HIGH)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
        .signals(requests)
        .saturation(Jvm.heapUsed());
  }

  /** The payments team's working hours in the corpus, valid as they are. */
  static final WorkingHours OFFICE = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin");

  /** The complete service's ownership, with the working hours given. */
  static ServiceBuilder withHours(ServiceBuilder s, WorkingHours hours) {
    return s.owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary")
        .workingHours(hours));
  }

  static List<BadInput> all() {
    return List.of(
        // Service names: they name files, so nothing path-like, device-like or unbounded.
        declared("empty service name", sre -> sre.service("", Corpus::complete)),
        declared("blank service name", sre -> sre.service("   ", Corpus::complete)),
        declared("null service name", sre -> sre.service(null, Corpus::complete)),
        declared("upper-case service name", sre -> sre.service("Orders", Corpus::complete)),
        declared("non-ASCII service name", sre -> sre.service("bestellungen-ä", Corpus::complete)),
        declared("Cyrillic service name", sre -> sre.service("заказы", Corpus::complete)),
        declared("over-long service name", sre -> sre.service("o".repeat(64), Corpus::complete)),
        declared("parent-path service name", sre -> sre.service("../x", Corpus::complete)),
        declared("nested-path service name", sre -> sre.service("a/b", Corpus::complete)),
        declared("absolute-path service name", sre -> sre.service("/etc/passwd", Corpus::complete)),
        declared("Windows device service name CON", sre -> sre.service("CON", Corpus::complete)),
        declared("Windows device service name con", sre -> sre.service("con", Corpus::complete)),
        declared("Windows device service name lpt1", sre -> sre.service("lpt1", Corpus::complete)),
        declared("service name ending with a dash", sre -> sre.service("orders-", Corpus::complete)),
        declared("service name with a line break", sre -> sre.service("orders\nERROR fake", Corpus::complete)),
        declared("service declared twice",
            sre -> sre.service("orders", Corpus::complete).service("orders", Corpus::complete)),
        declared("no service at all", sre -> {}),

        // Ownership and tier.
        declared("tier missing", sre -> sre.service("orders", s -> s.owner(o -> o.team("payments")
            .onCall("payments-primary").escalation("payments-secondary")).signals(Micrometer.httpServer()))),
        service("blank team", s -> s.owner(o -> o.team(" "))),
        service("working hours in an unknown time zone", s -> withHours(s, OFFICE.in("GMT+2"))),
        service("working hours at a fixed offset", s -> withHours(s, OFFICE.in(ZoneOffset.ofHours(2)))),
        service("working hours without a time zone", s -> withHours(s, OFFICE.in((String) null))),
        service("working hours ending before they start",
            s -> withHours(s, WorkingHours.weekdays(LocalTime.of(17, 0), LocalTime.of(9, 0)).in("Europe/Berlin"))),
        service("working hours ending when they start",
            s -> withHours(s, WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(9, 0)).in("Europe/Berlin"))),
        service("working hours on no day",
            s -> withHours(s, WorkingHours.on(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin"))),
        service("working hours not in whole minutes",
            s -> withHours(s, WorkingHours.weekdays(LocalTime.of(9, 0, 30), LocalTime.of(17, 0)).in("Europe/Berlin"))),
        service("null working hours", s -> s.owner(o -> o.team("payments").onCall("payments-primary")
            .escalation("payments-secondary").workingHours(null))),
        service("working hours without a team", s -> s.owner(o -> o.onCall("payments-primary")
            .escalation("payments-secondary").workingHours(OFFICE))),
        declared("two services of a team with different working hours", sre -> sre
            .service("orders", s -> withHours(Corpus.complete(s), OFFICE))
            .service("shipping", s -> withHours(Corpus.complete(s),
                WorkingHours.weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0)).in("Europe/London")))),

        // Alert names.
        service("empty alert name", s -> s.alert("", Corpus::pagingAlert)),
        service("lower-case alert name", s -> s.alert("highErrors", Corpus::pagingAlert)),
        service("non-ASCII alert name", s -> s.alert("HoheFehlerquote\u00df", Corpus::pagingAlert)),
        service("over-long alert name", s -> s.alert("A" + "b".repeat(100), Corpus::pagingAlert)),
        service("path-like alert name", s -> s.alert("../Evil", Corpus::pagingAlert)),
        service("same alert name twice", s -> s.alert("OrdersFailing", Corpus::pagingAlert)
            .alert("OrdersFailing", Corpus::pagingAlert)),

        // Alert conditions, durations and severities.
        service("alert without condition", s -> s.alert("OrdersFailing", a -> a.severity(Severity.TICKET))),
        service("alert without severity", s -> s.alert("OrdersFailing", a -> a.when(errorRatio().above(0.1)))),
        service("'for' of zero", s -> s.alert("OrdersFailing", a -> pagingAlert(a).lasting(Duration.ZERO))),
        service("negative 'for'", s -> s.alert("OrdersFailing", a -> pagingAlert(a).lasting(Duration.ofMinutes(-5)))),
        service("absurd 'for'", s -> s.alert("OrdersFailing", a -> pagingAlert(a).lasting("400d"))),
        service("'for' not a duration", s -> s.alert("OrdersFailing", a -> pagingAlert(a).lasting("5 minutes"))),
        service("'for' with a lone unit", s -> s.alert("OrdersFailing", a -> pagingAlert(a).lasting("m"))),
        service("keep_firing_for of zero",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).keepFiringFor(Duration.ZERO))),
        service("negative keep_firing_for",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).keepFiringFor(Duration.ofMinutes(-10)))),
        service("keep_firing_for longer than a day",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).keepFiringFor("36h"))),
        service("keep_firing_for not a duration",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).keepFiringFor("10 minutes"))),
        service("zero rate window",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).when(errorRatio().over("0m").above(0.1)))),
        service("absurd rate window",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).when(errorRatio().over("5y").above(0.1)))),
        service("error ratio threshold of one or more",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).when(errorRatio().above(1.5)))),
        service("negative error ratio threshold",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).when(errorRatio().above(-0.1)))),
        service("error ratio threshold NaN",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).when(errorRatio().above(Double.NaN)))),
        service("latency quantile of zero",
            s -> s.alert("OrdersSlow", a -> pagingAlert(a).when(latency(0).above(Duration.ofMillis(300))))),
        service("latency quantile above one",
            s -> s.alert("OrdersSlow", a -> pagingAlert(a).when(latency(1.5).above(Duration.ofMillis(300))))),
        service("latency threshold of zero",
            s -> s.alert("OrdersSlow", a -> pagingAlert(a).when(latency(0.99).above(Duration.ZERO)))),
        service("traffic below zero", s -> s.alert("OrdersIdle", a -> pagingAlert(a).when(traffic().below(0)))),
        service("traffic above infinity",
            s -> s.alert("OrdersBusy", a -> pagingAlert(a).when(traffic().above(Double.POSITIVE_INFINITY)))),
        service("unknown signal",
            s -> s.alert("PoolBusy", a -> pagingAlert(a).when(signal("hikari-orders").above(0.9)))),
        declared("request condition without request metrics", sre -> sre.service("orders", s -> s.tier(Tier.HIGH)
            .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
            .alert("OrdersFailing", Corpus::pagingAlert))),
        declared("SLO without request metrics", sre -> sre.service("orders", s -> s.tier(Tier.HIGH)
            .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
            .slo(Slo.availability(99.9)))),
        service("unbalanced PromQL",
            s -> s.alert("OrdersDown", a -> pagingAlert(a).when(promql("sum(rate(orders_total[5m])")))),
        service("PromQL of the wrong type",
            s -> s.alert("OrdersDown", a -> pagingAlert(a).when(promql("orders_total[5m]")))),
        service("PromQL with a broken regex",
            s -> s.alert("OrdersDown", a -> pagingAlert(a).when(promql("up{job=~\"(orders\"} == 0")))),
        service("PromQL with an unknown function",
            s -> s.alert("OrdersDown", a -> pagingAlert(a).when(promql("rates(orders_total[5m]) > 1")))),
        service("empty PromQL", s -> s.alert("OrdersDown", a -> pagingAlert(a).when(promql("  ")))),
        service("event SLO without bad or good events",
            s -> s.slo(Slo.events("runs").total(EventCount.counter("runs_total")).percent(99))),
        service("event SLO with both bad and good events, and no total",
            s -> s.slo(Slo.events("runs").bad(EventCount.counter("runs_total").where("result", "failed"))
                .good(EventCount.counter("runs_total").where("result", "ok")).percent(99))),
        service("event SLO counting a counter that is no metric name",
            s -> s.slo(Slo.events("runs").bad(EventCount.counter("runs total").where("result", "failed"))
                .total(EventCount.counter("runs_total")).percent(99))),
        service("event SLO query without the window placeholder",
            s -> s.slo(Slo.events("runs").bad(EventCount.query("sum(rate(runs_failed_total[5m]))"))
                .total(EventCount.counter("runs_total")).percent(99))),
        service("event SLO query giving a range vector",
            s -> s.slo(Slo.events("runs").bad(EventCount.counter("runs_failed_total"))
                .total(EventCount.query("runs_total[${window}]")).percent(99))),
        service("event SLO query with the placeholder where PromQL takes no duration",
            s -> s.slo(Slo.events("runs").bad(EventCount.query("sum(rate(runs_failed_total[5m])) > ${window}"))
                .total(EventCount.counter("runs_total")).percent(99))),
        service("event SLO with an error ratio and counted events",
            s -> s.slo(Slo.events("runs").errorRatio(EventCount.query("1 - avg(up{job=\"runs\"}[${window}])"))
                .total(EventCount.counter("runs_total")).percent(99))),
        service("SLO alerts of one name",
            s -> s.slo(Slo.availability(99.9).alerting(SloAlerting.named("OrdersBurning", "OrdersBurning")))),
        service("SLO alert label the build sets",
            s -> s.slo(Slo.availability(99.9).alerting(SloAlerting.conventional().pageLabel("severity", "pager")
                .annotation("1st", "x")))),
        service("PromQL naming labels that are no label names",
            s -> s.alert("OrdersDown", a -> pagingAlert(a).when(promql("count_values(\"build version\","
                + " label_replace(up, \"1st\", \"$1\", \"instance\", \"(.*)\")) > 1")))),

        // Alert labels.
        service("label name starting with a digit",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("1st", "x"))),
        service("label name with a dash", s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("on-call", "x"))),
        service("reserved label name", s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("__name__", "x"))),
        service("non-ASCII label name",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("gr\u00f6\u00dfe", "x"))),
        service("label overriding severity",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("severity", "low"))),
        service("label overriding service",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("service", "other"))),
        service("empty label value", s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("component", ""))),
        service("label value that is not Unicode",
            s -> s.alert("OrdersFailing", a -> pagingAlert(a).label("component", "db\ud800"))),
        service("byte-order mark in a summary", s -> s.alert("OrdersFailing", a -> pagingAlert(a)
            .summary("\ufeffOrders fail."))),
        service("selector label name invalid", s -> s.selector("1job", "orders")),
        service("selector value empty", s -> s.selector("job", "")),
        service("selector on the histogram's bucket label", s -> s.selector("le", "orders")),
        service("selector on a label a preset matches itself", s -> s.selector("pool", "orders")
            .saturation(Hikari.pool("orders"))),

        // Runbooks.
        service("risky step without its risk", s -> s.alert("OrdersFailing", a -> pagingAlert(a)
            .runbook(r -> r.mitigate(Step.risky("Restart the pods.", " "))))),
        service("runbook link that is not a web address", s -> s.alert("OrdersFailing", a -> pagingAlert(a)
            .runbook(r -> r.link("Dashboard", "javascript:alert(1)")))),

        // SLOs.
        service("objective of 0", s -> s.slo(Slo.availability(0))),
        service("objective of 100", s -> s.slo(Slo.availability(100))),
        service("objective above 100", s -> s.slo(Slo.availability(100.5))),
        service("negative objective", s -> s.slo(Slo.availability(-99))),
        service("objective NaN", s -> s.slo(Slo.availability(Double.NaN))),
        service("period of 36 hours", s -> s.slo(Slo.availability(99.9).over(Duration.ofHours(36)))),
        service("period of 28 days and a second",
            s -> s.slo(Slo.availability(99.9).over(Duration.ofDays(28).plusSeconds(1)))),
        service("period of 3 days", s -> s.slo(Slo.availability(99.9).over(Duration.ofDays(3)))),
        service("period of 400 days", s -> s.slo(Slo.availability(99.9).over(Duration.ofDays(400)))),
        service("negative period", s -> s.slo(Slo.availability(99.9).over(Duration.ofDays(-30)))),
        service("objective too low for its burn-rate alerts to fire",
            s -> s.slo(Slo.availability(56.54).over(Duration.ofDays(111)))),
        service("objective too low for paging, tickets still possible",
            s -> s.slo(Slo.availability(80).over(Duration.ofDays(90)))),
        service("custom page condition that can never fire",
            s -> s.slo(Slo.availability(99.9).pageWhen(BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 2000)))),
        service("custom ticket window longer than the period",
            s -> s.slo(Slo.availability(99.9).over(Duration.ofDays(7))
                .ticketWhen(BurnRateWindow.of(Duration.ofDays(8), Duration.ofHours(6), 1)))),
        service("custom short window as long as the long one",
            s -> s.slo(Slo.availability(99.9).pageWhen(BurnRateWindow.of(Duration.ofHours(1), Duration.ofHours(1), 14.4),
                BurnRateWindow.of(Duration.ofHours(6), Duration.ofMinutes(30), 6)))),
        service("custom burn rate that is not a number",
            s -> s.slo(Slo.availability(99.9).pageWhen(BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5),
                Double.NaN)))),
        service("custom budget share above 100%",
            s -> s.slo(Slo.availability(99.9).ticketWhen(BurnRateWindow.spending(120, Duration.ofDays(1),
                Duration.ofHours(2))))),
        service("custom condition that is null", s -> s.slo(Slo.availability(99.9).pageWhen((BurnRateWindow) null))),
        service("minimum bad events of zero", s -> s.slo(Slo.availability(99.9).minimumBadEvents(0))),
        service("minimum bad events that makes paging impossible",
            s -> s.slo(Slo.availability(99.9).minimumBadEvents(5000))),
        service("missing-data alerts switched off without a reason", s -> s.withoutMissingDataAlerts("  ")),
        service("declared alert named like the missing-data alert", s -> s.alert("OrdersMetricsMissing", a -> a
            .when(traffic().below(1)).lasting("5m").severity(Severity.TICKET).summary("No orders."))),
        service("declared alert named like the budget-exhausted ticket", s -> s
            .slo(Slo.availability(99.9).ticketWhenBudgetExhausted())
            .alert("OrdersAvailabilityErrorBudgetExhausted", a -> a
            .when(traffic().below(1)).lasting("5m").severity(Severity.TICKET).summary("No orders."))),
        service("latency SLO threshold of zero", s -> s.slo(Slo.latency(Duration.ZERO).percent(99))),
        declared("latency SLO threshold between two OpenTelemetry bucket bounds", sre -> sre.service("orders",
            s -> complete(s, OpenTelemetry.httpServer()).slo(Slo.latency(Duration.ofMillis(300)).percent(99)))),
        declared("latency SLO threshold not among the declared bucket bounds", sre -> sre.service("orders",
            s -> complete(s, Micrometer.httpServer().withBuckets(Duration.ofMillis(250), Duration.ofSeconds(1)))
                .slo(Slo.latency(Duration.ofMillis(300)).percent(99)))),
        declared("null bucket bound", sre -> sre.service("orders",
            s -> complete(s, Micrometer.httpServer().withBuckets(Duration.ofMillis(300), (Duration) null))
                .slo(Slo.latency(Duration.ofMillis(300)).percent(99)))),
        service("two SLOs of one name", s -> s.slo(Slo.availability(99.9)).slo(Slo.availability(99.5))),
        service("two SLOs whose burn-rate alerts share a name", s -> s.slo(Slo.availability(99.9).named("api-99"))
            .slo(Slo.availability(99.5).named("api99"))),
        service("SLO name with a space", s -> s.slo(Slo.availability(99.9).named("checkout availability"))),

        // Signals, dependencies, panels.
        service("custom signal with invalid PromQL", s -> s.signal(Signal.custom(SignalKind.TRAFFIC, "orders-placed",
            "sum(rate(orders_total[5m]"))),
        service("custom signal without a name, beside an alert on a signal", s -> s
            .signal(Signal.custom(SignalKind.TRAFFIC, null, "sum(rate(orders_total[5m]))"))
            .alert("OrdersLow", a -> Corpus.pagingAlert(a).when(dev.sredsl.dsl.Conditions.signal("orders").below(1)))),
        service("custom signal named like a preset", s -> s.saturation(Hikari.pool("orders"))
            .signal(Signal.custom(SignalKind.SATURATION, "hikari-orders", "max(hikaricp_connections_active)"))),
        service("dependency without health", s -> s.dependency(d -> d.database("orders-db"))),
        service("dependency name with a space",
            s -> s.dependency(d -> d.database("orders db").via(Hikari.pool("orders")))),
        service("dependency declared twice", s -> s.dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
            .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))),
        service("panel with invalid PromQL",
            s -> s.panel(p -> p.title("Orders").description("Orders placed.").unit("short")
            .query("sum(orders_total"))),
        service("panel without title", s -> s.panel(p -> p.description("Orders placed.").unit("short")
            .query("sum(orders_total)"))),
        service("deployment marker with invalid PromQL", s -> s.deployments("changes(build_info[5m]")),

        // Scale: a service is a unit a person owns and reads.
        service("10,000 alerts in one service", s -> {
          for (int i = 0; i < 10_000; i++) {
            s.alert("OrdersFailing" + i, Corpus::pagingAlert);
          }
        }),

        // Definitions classes, discovered and run as the plugin does.
        compiled("constructor throws", definitions("Throwing",
            "  public Throwing() {\n    throw new IllegalStateException(\"no config\");\n  }\n" + DEFINE_ORDERS)),
        compiled("static initialiser throws", definitions("Static",
            "  static final int LIMIT = Integer.parseInt(\"ten\");\n" + DEFINE_ORDERS)),
        compiled("define() throws", definitions("Failing",
            "  @Override public void define(SreRegistry sre) {\n    String team = null;\n    team.length();\n  }\n")),
        compiled("definitions class not public", Map.of("com/acme/Hidden.java", "package com.acme;\n"
            + "import dev.sredsl.dsl.*;\nimport dev.sredsl.model.*;\nclass Hidden implements SreDefinitions {\n"
            + DEFINE_ORDERS + "}\n")),
        compiled("definitions class without a no-argument constructor", definitions("WithArgs",
            "  public WithArgs(String name) {}\n" + DEFINE_ORDERS)),
        compiled("two definitions classes claim one service", merge(definitions("First", DEFINE_ORDERS),
            definitions("Second", DEFINE_ORDERS))),
        compiled("no definitions class", Map.of("com/acme/App.java", "package com.acme;\npublic class App {}\n")),

        // Runbook templates of the team, rendered in FreeMarker's sandbox.
        templates("template that does not parse", "runbook.md.ftl", "# ${service.name\n"),
        templates("template reading an undefined variable", "runbook.md.ftl", "# ${nosuch.name}\n"),
        templates("template creating a Java object", "runbook.md.ftl",
            "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n"),
        templates("template reaching the Java API", "runbook.md.ftl", "${service?api.getClass()}\n"),
        templates("index template that does not parse", "index.md.ftl", "<#list services as s>\n"),

        // Valid definitions that leave the gaps the coverage gate exists to catch.
        service("paging alert without a runbook", s -> s.alert("OrdersFailing", a -> a
            .when(errorRatio().above(0.05)).lasting("5m").severity(Severity.PAGE).summary("Orders fail.")))
            .atTheGate(),
        declared("critical service without an SLO", sre -> sre.service("orders", s -> complete(s).tier(Tier.CRITICAL)))
            .atTheGate(),
        declared("service without an owner", sre -> sre.service("orders", s -> s.tier(Tier.HIGH)
            .signals(Micrometer.httpServer()).saturation(Jvm.heapUsed()))).atTheGate(),
        declared("owner without an escalation path", sre -> sre.service("orders", s -> s.tier(Tier.HIGH)
            .owner(o -> o.team("payments").onCall("payments-primary")).signals(Micrometer.httpServer())
            .saturation(Jvm.heapUsed()))).atTheGate(),
        declared("dashboard without request signals", sre -> sre.service("orders", s -> s.tier(Tier.HIGH)
            .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
            .saturation(Jvm.heapUsed())))
            .atTheGate(),
        service("waiver past its date", s -> s.tier(Tier.CRITICAL)

            .waive(CoverageCounter.SLO, "migrating to the new SLO catalogue", LocalDate.of(2025, 6, 30)))
            .atTheGate()
    );
  }

  private static final String DEFINE_ORDERS = "  @Override public void define(SreRegistry sre) {\n"
      + "    sre.service(\"orders\", s -> s.tier(Tier.HIGH).owner(o -> o.team(\"payments\")"
      + ".onCall(\"payments-primary\").escalation(\"payments-secondary\")));\n  }\n";

  /** Source of a public definitions class {@code com.acme.<name>} with the given body. */
  private static Map<String, String> definitions(String name, String body) {
    return Map.of("com/acme/" + name + ".java", "package com.acme;\n"
        + "import dev.sredsl.dsl.*;\nimport dev.sredsl.model.*;\n"
        + "public class " + name + " implements SreDefinitions {\n" + body + "}\n");
  }

  private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
    Map<String, String> both = new java.util.TreeMap<>(first);
    both.putAll(second);
    return both;
  }

  private static BadInput compiled(String name, Map<String, String> sources) {
    return new BadInput(name, work -> new DefinitionsLoader(Corpus.class.getClassLoader())
        .load(JavaSources.compile(work, sources), List.of()), work -> SETTINGS, BadInput.Stage.GENERATE);
  }

  /** The valid service {@code orders} rendered with a team template that replaces one of the defaults. */
  private static BadInput templates(String name, String template, String content) {
    return service(name, s -> s.alert("OrdersFailing", Corpus::pagingAlert)).withSettings(work -> {
      Path folder = Files.createDirectories(work.resolve("templates"));
      Files.writeString(folder.resolve(template), content);
      return new GenerationSettings(SETTINGS.runbookBaseUrl(), SETTINGS.grafanaBaseUrl(), Map.of(), null, null,
          folder.toFile(), null);
    });
  }

  /** A complete paging alert with its runbook; cases change one thing of it. */
  static AlertBuilder pagingAlert(AlertBuilder a) {
    return a.when(errorRatio().over("5m").above(0.05))
        .lasting("5m")
        .severity(Severity.PAGE)
        .summary("Orders fail.")
        .runbook(r -> r.symptoms("HTTP 500.").diagnose("Read the logs.")
            .mitigate(Step.safe("Roll back.")).escalate("Page the secondary after 15 minutes."));
  }
}
