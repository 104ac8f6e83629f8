package dev.sredsl.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.promql.LabelMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaDefinitionsWriterTest {

  private static final int RANDOM_SERVICES = 150;

  private final JavaDefinitionsWriter writer = new JavaDefinitionsWriter();

  @TempDir
  Path workDir;

  @Test
  void writesAServiceFromASlothSpecAsAPersonWould() {
    String expected = """
        // Converted by sre:import from src/main/sre/checkout.yml.
        // This class is now the team's code to own: change the service here, not in the spec file.
        package com.example.monitoring;

        import dev.sredsl.dsl.SreDefinitions;
        import dev.sredsl.dsl.SreRegistry;
        import dev.sredsl.model.BurnRateWindow;
        import dev.sredsl.model.EventCount;
        import dev.sredsl.model.Slo;
        import dev.sredsl.model.SloAlerting;
        import java.time.Duration;

        /** Declares the service checkout-api, converted from its SLO spec. */
        public final class CheckoutApiDefinitions implements SreDefinitions {

          @Override
          public void define(SreRegistry sre) {
            // Next: validation requires a tier, and the coverage gate an owner; declare them below, e.g.
            //   .tier(Tier.HIGH)
            //   .owner(o -> o.team("...").onCall("...").escalation("..."))
            sre.service("checkout-api", s -> s
                .description("Takes \\"orders\\".\\nPays them.")
                .slo(Slo.events("requests-availability")
                    .bad(EventCount.counter("http_requests_total").matching("code", "5.."))
                    .total(EventCount.counter("http_requests_total"))
                    .percent(99.9)
                    .over(Duration.ofDays(28))
                    .describedAs("Orders fail."))
                .slo(Slo.events("satisfaction")
                    .errorRatio(EventCount.query("1 - avg(avg_over_time(satisfaction_ratio[${window}]))"))
                    .percent(95.0)
                    .withoutTickets()
                    .pageWhen(
                        BurnRateWindow.spending(2.0, Duration.ofHours(1), Duration.ofMinutes(5)),
                        BurnRateWindow.spending(5.0, Duration.ofHours(6), Duration.ofMinutes(30)))
                    .alerting(SloAlerting.named("CheckoutUnhappy", "CheckoutUnhappyTicket")
                        .label("category", "satisfaction")
                        .pageLabel("routing_key", "payments"))));
          }
        }
        """;
    assertEquals(expected, writer.write("com.example.monitoring", "src/main/sre/checkout.yml", slothCheckout()));
  }

  @Test
  void writingTwiceGivesTheSameText() {
    Service service = new RandomSpecServices(7).next();
    assertEquals(writer.write("a.b", "x.yml", service), writer.write("a.b", "x.yml", service));
    assertEquals(writer.write("a.b", "x.yml", slothCheckout()), writer.write("a.b", "x.yml", slothCheckout()));
  }

  @Test
  void fixedServicesDeclareTheSameModelOnceCompiled() throws Exception {
    assertRoundTrip(List.of(slothCheckout(), requestSlos(), nothingButAName(), numbers(), hostileText()));
  }

  @Test
  void randomServicesDeclareTheSameModelOnceCompiled() throws Exception {
    List<Service> services = new java.util.ArrayList<>();
    for (long seed = 0; seed < RANDOM_SERVICES; seed++) {
      services.add(new RandomSpecServices(seed).next());
    }
    assertRoundTrip(services);
  }

  @Test
  void refusesWhatTheDslCannotExpressNamingIt() {
    Service withAlert = declare("orders", s -> s.alert("OrdersDown", a -> a.summary("down")));
    assertRefused("service 'orders' has alerts, which the writer does not convert", withAlert);

    Service excludingRegex = declare("orders", s -> s.slo(Slo.events("runs")
        .bad(new EventCount.Counter("runs_total", List.of(LabelMatcher.notRegex("result", "ok|skipped"))))
        .total(EventCount.counter("runs_total"))));
    assertRefused("slo 'runs', bad events: the counter's matcher result!~\"ok|skipped\" excludes a regex",
        excludingRegex);

    Service bothPaces = declare("orders", s -> s.slo(Slo.events("runs").errorRatio(EventCount.query("x"))
        .pageWhen(BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
            new BurnRateWindow(Duration.ofHours(6), Duration.ofMinutes(30), 6.0, 5.0))));
    assertRefused("slo 'runs', page condition #2 gives both a burn rate and a budget share", bothPaces);

    Service workingHours = declare("orders", s -> s.owner(o -> o.team("books")
        .workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)))));
    assertRefused("service 'orders' has the owner's working hours", workingHours);

    assertThrows(IllegalArgumentException.class, () -> writer.write("com.example.class", "x.yml", slothCheckout()));
  }

  @Test
  void writesLiteralsAsAPersonReadsThem() {
    assertEquals("99.9", JavaLiterals.number(99.9));
    assertEquals("95.0", JavaLiterals.number(95));
    assertEquals("0.30000000000000004", JavaLiterals.number(0.1 + 0.2));
    assertEquals("0.0000001", JavaLiterals.number(1e-7));
    assertEquals("1.0E22", JavaLiterals.number(1e22));
    assertEquals("-0.0", JavaLiterals.number(-0.0));
    assertEquals("Double.NaN", JavaLiterals.number(Double.NaN));
    assertEquals("10000000000L", JavaLiterals.integer(10_000_000_000L));
    assertEquals("\"say \\\"hi\\\"\\\\n\\n\\u202e${window} \u00e9\"",
        JavaLiterals.string("say \"hi\"\\n\n\u202e${window} \u00e9"));
    assertEquals("\"\\ud800\" + \"\\\\u0041\"", JavaLiterals.string((char) 0xd800 + "\\u0041"));
    assertEquals("a * / \\\\u0041 U+000A", JavaComments.text("a */ \\u0041 \n"));
  }

  @Test
  void namesTheClassAfterTheService() {
    assertEquals("CheckoutApiDefinitions", JavaDefinitionsWriter.className("checkout-api"));
    assertEquals("MyServiceV2Definitions", JavaDefinitionsWriter.className("my_service.v2"));
    assertEquals("Service3dsDefinitions", JavaDefinitionsWriter.className("3ds"));
    assertThrows(IllegalArgumentException.class, () -> JavaDefinitionsWriter.className("日本"));
  }

  private void assertRefused(String start, Service service) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> writer.write("com.example", "x.yml", service));
    assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
  }

  /** Writes each service in a package of its own, compiles them together, and compares what each declares. */
  private void assertRoundTrip(List<Service> services) throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, Service> expected = new LinkedHashMap<>();
    for (int i = 0; i < services.size(); i++) {
      Service service = services.get(i);
      String packageName = "imported.s" + i;
      String className = packageName + "." + JavaDefinitionsWriter.className(service.name());
      sources.put(className, writer.write(packageName, "spec-" + i + ".yml", service));
      expected.put(className, service);
    }
    Map<String, Service> declared = CompiledDefinitions.declare(workDir, sources);
    for (Map.Entry<String, Service> entry : expected.entrySet()) {
      assertEquals(entry.getValue(), declared.get(entry.getKey()), () -> entry.getKey() + " declares another service;"
          + " its source:\n" + sources.get(entry.getKey()));
    }
  }

  /** Two SLOs as Sloth gives them: events counted, and a raw error ratio with the team's alert names. */
  private static Service slothCheckout() {
    return declare("checkout-api", s -> s
        .description("Takes \"orders\".\nPays them.")
        .slo(Slo.events("requests-availability")
            .bad(EventCount.counter("http_requests_total").matching("code", "5.."))
            .total(EventCount.counter("http_requests_total"))
            .percent(99.9)
            .over(Duration.ofDays(28))
            .describedAs("Orders fail."))
        .slo(Slo.events("satisfaction")
            .errorRatio(EventCount.query("1 - avg(avg_over_time(satisfaction_ratio[${window}]))"))
            .percent(95)
            .withoutTickets()
            .pageWhen(BurnRateWindow.spending(2, Duration.ofHours(1), Duration.ofMinutes(5)),
                BurnRateWindow.spending(5, Duration.ofHours(6), Duration.ofMinutes(30)))
            .alerting(SloAlerting.named("CheckoutUnhappy", "CheckoutUnhappyTicket")
                .label("category", "satisfaction")
                .pageLabel("routing_key", "payments"))));
  }

  /** The request SLO kinds, with a tier, an owner and a selector of several matchers. */
  private static Service requestSlos() {
    return declare("refunds", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").chat("#payments"))
        .selector(LabelMatcher.eq("namespace", "shop"), LabelMatcher.regex("app", "refunds|refunds-v2"),
            LabelMatcher.neq("env", "test"), LabelMatcher.notRegex("pod", "canary-.*"))
        .slo(Slo.availability(99.95).named("weekly-availability").over(Duration.ofDays(7)).ticketWhenBudgetExhausted())
        .slo(Slo.availability(99.0))
        .slo(Slo.latency(Duration.ofMillis(300)).percent(99.0).minimumBadEvents(1).windowsFromRawSeries()
            .ticketWhen(BurnRateWindow.of(Duration.ofDays(1), Duration.ofHours(2), 1.5)))
        .slo(Slo.latency(Duration.ofSeconds(2)).named("slow").percent(90).withoutPaging()));
  }

  private static Service nothingButAName() {
    return declare("bare", s -> { });
  }

  /** Objectives and burn rates whose shortest decimal is not what arithmetic on them prints. */
  private static Service numbers() {
    double[] objectives = {0.1 + 0.2, 99.90000000000001, 1e-7, 1e22, Double.MIN_VALUE, -0.0, 1.0 / 3};
    return declare("numbers", s -> {
      for (int i = 0; i < objectives.length; i++) {
        s.slo(Slo.events("slo-" + i).errorRatio(EventCount.query("q")).percent(objectives[i])
            .pageWhen(BurnRateWindow.of(Duration.ofMillis(1500), Duration.ofSeconds(1, 1), objectives[i])));
      }
    });
  }

  /** Text that ends a string literal or a comment, or turns into a line end, if written as it is. */
  private static Service hostileText() {
    String hostile = "\" \\ \\u000a \\\\u0022 */ /* \n \r \t \u0000 \u2028 \u202e \ud800 \ud83d\ude80 ${window} \\"
        // Lone high surrogates before a backslash, as chars: javac misreads a backslash right after their escape.
        + " " + (char) 0xd800 + "\\u0041 " + (char) 0xdbff + "\\\\u005c \udb80\udc00\\u0041 \\";
    return declare("hostile", s -> s
        .description(hostile)
        .selector(hostile, hostile)
        .slo(Slo.events(hostile).bad(EventCount.counter(hostile).where(hostile, hostile))
            .total(EventCount.query(hostile)).describedAs(hostile)
            .alerting(SloAlerting.named(hostile, null).annotation(hostile, hostile).ticketLabel("x", null))));
  }

  private static Service declare(String name, Consumer<ServiceBuilder> spec) {
    SreRegistry registry = new SreRegistry();
    registry.service(name, spec);
    return registry.declarations().services().get(0);
  }
}
