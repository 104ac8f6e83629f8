package dev.sredsl.verify;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.VerifyGoal;
import dev.sredsl.pipeline.VerifyOutcome;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.verify.VerifyResult.AlertResult;
import dev.sredsl.verify.VerifyResult.ServiceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sre:verify}'s library run end to end against a real Prometheus serving a designed week, whose
 * right answers are known by construction:
 *
 * <ul>
 *   <li>checkout serves 10 requests a second; on day 4 at 14:00 it fails 20 a second for exactly 30
 *       minutes (the burst: pages); on day 6 it fails 0.05 a second for 24 hours (a slow burn of 0.5%:
 *       tickets, never pages); on day 2 from 10:00 its traffic drops to 2 a second for 10 minutes six
 *       times, 10 minutes apart (the traffic alert flaps: six tickets);
 *   <li>its heap metrics disappear at the start of day 7;
 *   <li>an alert reads {@code uri="/refund"}, a value never seen;
 *   <li>inventory serves 5 requests a second and has never failed one.
 * </ul>
 *
 * One Prometheus for the class, started on blocks built from the history.
 */
class VerifyEndToEndTest {

  static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  static final Instant START = END.minus(Duration.ofDays(7));
  static final Duration SCRAPE = Duration.ofSeconds(30);
  static final Instant BURST = START.plus(Duration.ofDays(3)).plus(Duration.ofHours(14));
  static final Duration BURST_LENGTH = Duration.ofMinutes(30);
  static final Instant SLOW_BURN = START.plus(Duration.ofDays(5));
  static final Instant DIPS = START.plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
  static final Instant HEAP_GONE = START.plus(Duration.ofDays(6));
  static final String REQUESTS = "http_server_requests_seconds";

  @TempDir
  static Path work;

  static LocalPrometheus prometheus;
  static VerifyOutcome outcome;

  @BeforeAll
  static void verifyTheDesignedWeek() throws IOException {
    History history = History.between(START.minus(Duration.ofHours(1)), END, SCRAPE);
    List<Double> bounds = List.of(0.1, 0.3, 1.0);
    history.histogram(REQUESTS, Map.of("job", "checkout", "outcome", "SUCCESS", "uri", "/pay"), bounds,
        VerifyEndToEndTest::checkoutSuccesses, (t, bound) -> bound >= 0.3 ? 1.0 : 0.5);
    history.histogram(REQUESTS, Map.of("job", "checkout", "outcome", "SERVER_ERROR", "uri", "/pay"), bounds,
        VerifyEndToEndTest::checkoutErrors, (t, bound) -> 1.0);
    history.gauge("jvm_memory_used_bytes", Map.of("job", "checkout", "area", "heap", "instance", "a"),
        t -> t.isBefore(HEAP_GONE) ? 5e8 : null);
    history.gauge("jvm_memory_max_bytes", Map.of("job", "checkout", "area", "heap", "instance", "a"),
        t -> t.isBefore(HEAP_GONE) ? 1e9 : null);
    history.histogram(REQUESTS, Map.of("job", "inventory", "outcome", "SUCCESS", "uri", "/stock"), bounds,
        t -> 5.0, (t, bound) -> 1.0);
    // Prometheus writes up for every target it scrapes; the missing-data alerts read it.
    history.gauge("up", Map.of("job", "checkout", "instance", "a"), t -> 1.0);
    history.gauge("up", Map.of("job", "inventory", "instance", "a"), t -> 1.0);
    prometheus = LocalPrometheus.on(history.writeBlocks(work.resolve("history"))).start();
    PrometheusApi api = new HttpPrometheusApi(prometheus.baseUrl(), Credentials.none());
    Verification.Settings settings = new Verification.Settings(END, Duration.ofDays(7), Duration.ofMinutes(1),
        Duration.ofDays(7), 1.0, null, 4);
    List<String> progress = new ArrayList<>();
    outcome = new VerifyGoal().run(DefinitionsSource.of(definitions()), GenerationSettings.DEFAULTS, api, settings,
        null, work.resolve("target/sre"), progress::add);
    progress.forEach(System.out::println);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  static dev.sredsl.dsl.Declarations definitions() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
        .tier(Tier.CRITICAL)
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed())
        .slo(Slo.availability(99.9))
        .alert("CheckoutErrorBurst", a -> a.when(errorRatio().over("5m").above(0.05)).lasting("5m")
            .severity(Severity.PAGE).summary("Checkout fails."))
        .alert("CheckoutTrafficLow", a -> a.when(traffic().over("5m").below(5)).lasting("2m")
            .severity(Severity.TICKET).summary("Checkout gets little traffic."))
        .alert("CheckoutErrorsJumpy", a -> a.when(errorRatio().over("1m").above(0.5)).lasting("1m")
            .severity(Severity.INFO).summary("Checkout errors over a minute."))
        .alert("CheckoutHeapFull", a -> a.when(signal("jvm-heap").above(0.9)).lasting("10m")
            .severity(Severity.TICKET).summary("Checkout's heap is nearly full."))
        .alert("CheckoutRefundsFailing", a -> a
            .when(promql("sum(rate(http_server_requests_seconds_count{job=\"checkout\",uri=\"/refund\","
                + "outcome=\"SERVER_ERROR\"}[5m])) > 1"))
            .lasting("5m").severity(Severity.PAGE).summary("Refunds fail.")));
    sre.service("inventory", s -> s
        .owner(o -> o.team("stock").onCall("stock-primary").escalation("stock-secondary"))
        .tier(Tier.LOW)
        .signals(Micrometer.httpServer())
        .alert("InventoryErrors", a -> a.when(errorRatio().over("5m").above(0.05)).lasting("5m")
            .severity(Severity.PAGE).summary("Inventory fails.")));
    return sre.declarations();
  }

  static Double checkoutSuccesses(Instant t) {
    for (int dip = 0; dip < 6; dip++) {
      Instant from = DIPS.plus(Duration.ofMinutes(20L * dip));
      if (!t.isBefore(from) && t.isBefore(from.plus(Duration.ofMinutes(10)))) {
        return 2.0;
      }
    }
    return 10.0;
  }

  static Double checkoutErrors(Instant t) {
    if (!t.isBefore(BURST) && t.isBefore(BURST.plus(BURST_LENGTH))) {
      return 20.0;
    }
    if (!t.isBefore(SLOW_BURN) && t.isBefore(SLOW_BURN.plus(Duration.ofDays(1)))) {
      return 0.05;
    }
    return 0.0;
  }

  static ServiceResult service(String name) {
    return outcome.result().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  static AlertResult alert(String service, String name) {
    return service(service).alerts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  static void assertWithinOneStep(Instant expected, long actualMillis, String what) {
    long difference = Math.abs(actualMillis - expected.toEpochMilli());
    assertTrue(difference <= Duration.ofMinutes(1).toMillis(), what + ": expected " + expected + ", was "
        + Instant.ofEpochMilli(actualMillis));
  }

  @Test
  void theBurstPagesOnceFromSixMinutesInUntilItsErrorsLeaveTheWindow() {
    List<Episode> episodes = alert("checkout", "CheckoutErrorBurst").current().episodes();
    assertEquals(1, episodes.size(), episodes.toString());
    // Active from the first evaluation whose 5m window holds the burst's errors, firing 5m later; quiet once
    // the window no longer holds any.
    assertWithinOneStep(BURST.plus(Duration.ofMinutes(6)), episodes.get(0).startMillis(), "start");
    assertWithinOneStep(BURST.plus(BURST_LENGTH).plus(Duration.ofMinutes(5)), episodes.get(0).endMillis(), "end");
    assertEquals(20.0 / 30.0, episodes.get(0).peak(), 1e-6, "the error ratio at the burst's height");
  }

  @Test
  void theBurstPagesThroughTheFastBurnAlertAndTheSlowBurnOnlyTickets() {
    List<Episode> fast = alert("checkout", "CheckoutAvailabilityErrorBudgetFastBurn").current().episodes();
    assertEquals(1, fast.size(), fast.toString());
    assertTrue(fast.get(0).startMillis() >= BURST.toEpochMilli()
        && fast.get(0).startMillis() <= BURST.plus(Duration.ofMinutes(10)).toEpochMilli(), fast.toString());
    List<Episode> slow = alert("checkout", "CheckoutAvailabilityErrorBudgetSlowBurn").current().episodes();
    assertEquals(2, slow.size(), "one ticket for the burst, one for the slow burn: " + slow);
    assertTrue(slow.get(1).startMillis() > SLOW_BURN.toEpochMilli()
        && slow.get(1).startMillis() < SLOW_BURN.plus(Duration.ofDays(1)).toEpochMilli(), slow.toString());
  }

  @Test
  void theTrafficAlertFlapsOncePerDip() {
    List<Episode> episodes = alert("checkout", "CheckoutTrafficLow").current().episodes();
    assertEquals(6, episodes.size(), episodes.toString());
    for (int dip = 0; dip < 6; dip++) {
      Instant from = DIPS.plus(Duration.ofMinutes(20L * dip));
      assertTrue(episodes.get(dip).startMillis() > from.toEpochMilli()
          && episodes.get(dip).endMillis() < from.plus(Duration.ofMinutes(20)).toEpochMilli(), episodes.toString());
    }
  }

  @Test
  void anAlertOnAValueNeverSeenCannotFireAndFailsTheGateBecauseItPages() {
    AlertResult refunds = alert("checkout", "CheckoutRefundsFailing");
    assertFalse(refunds.current().evaluable());
    assertNotNull(refunds.cannotFire());
    assertTrue(refunds.cannotFire().contains("uri=\"/refund\""), refunds.cannotFire());
    assertTrue(refunds.cannotFire().contains("values seen: \"/pay\""), refunds.cannotFire());
    assertTrue(outcome.violations().stream().anyMatch(v -> v.startsWith(
        "service 'checkout', alert 'CheckoutRefundsFailing' pages but cannot fire")), outcome.violations()
        .toString());
  }

  @Test
  void aMetricThatDisappearedIsReportedWithWhenItWasLastSeen() {
    Finding gone = service("checkout").findings().stream()
        .filter(f -> f.kind() == Finding.Kind.METRIC_DISAPPEARED && f.subject().contains("jvm_memory_used_bytes"))
        .findFirst().orElseThrow(() -> new AssertionError(service("checkout").findings().toString()));
    // The last sample is the scrape before HEAP_GONE.
    assertTrue(gone.message().contains("last seen at about " + HEAP_GONE.minus(SCRAPE)), gone.message());
    AlertResult heap = alert("checkout", "CheckoutHeapFull");
    assertTrue(heap.current().evaluable(), "the heap was there for six of the seven days");
    assertEquals(List.of(), heap.current().episodes());
  }

  @Test
  void aServiceThatNeverFailedHasNoErrorsYetAndItsAlertIsStillEvaluable() {
    List<Finding> findings = service("inventory").findings();
    assertTrue(findings.stream().anyMatch(f -> f.kind() == Finding.Kind.NO_ERRORS_YET
        && f.message().startsWith("no errors seen yet")), findings.toString());
    assertTrue(findings.stream().noneMatch(f -> f.kind().severity() == Finding.Level.ERROR), findings.toString());
    AlertResult errors = alert("inventory", "InventoryErrors");
    assertTrue(errors.current().evaluable());
    assertNull(errors.cannotFire());
    assertEquals(List.of(), errors.current().episodes());
  }

  @Test
  void aRangeShorterThanFourScrapesIsReported() {
    assertTrue(service("checkout").findings().stream().anyMatch(f -> f.kind() == Finding.Kind.WINDOW_TOO_SHORT
        && f.message().contains("less than 4 scrape intervals of 30s; use at least 2m")),
        service("checkout").findings().toString());
  }

  @Test
  void teamsGetTheirPagesAndTicketsPerWeekAndTheLimitIsJudged() {
    VerifyResult.TeamLoad payments = outcome.result().teams().stream().filter(t -> t.team().equals("payments"))
        .findFirst().orElseThrow();
    assertEquals(2.0, payments.pagesPerWeek(), 1e-9, "the burst pages twice: threshold and fast burn");
    assertEquals(8.0, payments.ticketsPerWeek(), 1e-9, "two slow-burn tickets and six traffic tickets");
    assertTrue(outcome.violations().contains("team 'payments' would have been paged 2.0 times per week, more than"
        + " sre.maxPagesPerWeek=1; raise thresholds or 'for', move alerts to tickets, or fix what fires"),
        outcome.violations().toString());
  }

  @Test
  void theSloSpentItsBudgetAsDesigned() {
    VerifyResult.SloResult availability = service("checkout").slos().get(0);
    double errors = 20.0 * BURST_LENGTH.toSeconds() + 0.05 * Duration.ofDays(1).toSeconds();
    double dips = 6 * 8.0 * 600;
    double total = 10.0 * Duration.ofDays(7).toSeconds() - dips + errors;
    assertEquals(errors / total, availability.errorRatio(), errors / total * 0.01);
    assertEquals(errors / total * 7 / 30 / 0.001, availability.budgetSpent(), 0.02);
  }

  @Test
  void theReportsAreWrittenAndTheMarkdownDrawsATimeline() throws IOException {
    Path folder = work.resolve("target/sre/verify");
    JsonNode json = new ObjectMapper().readTree(folder.resolve("sre-verify.json").toFile());
    assertEquals("sre-dsl/verify/v1", json.path("schema").asText());
    assertEquals(END.toString(), json.path("window").path("end").asText());
    String markdown = Files.readString(folder.resolve("sre-verify.md"));
    assertTrue(markdown.contains("```mermaid\ngantt\n"), markdown);
    assertTrue(markdown.contains("section CheckoutErrorBurst"), markdown);
    assertEquals(markdown, outcome.markdown());
  }

  /**
   * promtool evaluates the generated rules (recordings and all) over the same designed series around the
   * burst, and must see each alert exactly as the backtest did: absent a step before each episode,
   * firing at its first and last evaluation, gone at its end. One threshold alert and one SLO burn-rate
   * alert: the backtest inlined the recordings the latter reads, promtool evaluates them as rules.
   */
  @Test
  void promtoolAgreesWithTheBacktestAroundTheBurst() throws IOException {
    Instant from = BURST.minus(Duration.ofHours(7));
    Instant to = BURST.plus(Duration.ofHours(2));
    ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    String rulesText = new dev.sredsl.pipeline.SrePipeline().generate(definitions(), GenerationSettings.DEFAULTS)
        .get("prometheus/checkout.rules.yml").orElseThrow().contentAsString();
    JsonNode rules = yaml.readTree(rulesText);
    // Annotations are templated with the value; the labels and the timing are what is cross-checked.
    rules.path("groups").forEach(g -> g.path("rules").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r)
        .remove("annotations")));
    Path folder = Files.createDirectories(work.resolve("promtool"));
    yaml.writeValue(folder.resolve("rules.yml").toFile(), rules);

    List<Map<String, Object>> cases = new ArrayList<>();
    for (String name : List.of("CheckoutErrorBurst", "CheckoutAvailabilityErrorBudgetFastBurn")) {
      AlertResult alert = alert("checkout", name);
      Map<String, String> ruleLabels = alert.current().alert().labels();
      List<Episode> inRange = alert.current().episodes().stream()
          .filter(e -> e.startMillis() > from.plus(Duration.ofHours(6)).toEpochMilli() && e.endMillis()
              < to.toEpochMilli()).toList();
      assertEquals(1, inRange.size(), name + ": " + alert.current().episodes());
      Episode episode = inRange.get(0);
      Map<String, String> labels = new java.util.TreeMap<>(episode.labels());
      labels.putAll(ruleLabels);
      long minute = Duration.ofMinutes(1).toMillis();
      cases.add(alertCase(name, episode.startMillis() - minute - from.toEpochMilli(), null));
      cases.add(alertCase(name, episode.startMillis() - from.toEpochMilli(), labels));
      cases.add(alertCase(name, episode.endMillis() - minute - from.toEpochMilli(), labels));
      cases.add(alertCase(name, episode.endMillis() - from.toEpochMilli(), null));
    }
    List<Map<String, Object>> series = new ArrayList<>();
    series.add(inputSeries("http_server_requests_seconds_count{job=\"checkout\",outcome=\"SUCCESS\",uri=\"/pay\"}",
        VerifyEndToEndTest::checkoutSuccesses, from, to));
    series.add(inputSeries(
        "http_server_requests_seconds_count{job=\"checkout\",outcome=\"SERVER_ERROR\",uri=\"/pay\"}",
        VerifyEndToEndTest::checkoutErrors, from, to));
    Map<String, Object> test = new java.util.LinkedHashMap<>();
    test.put("interval", "30s");
    test.put("input_series", series);
    test.put("alert_rule_test", cases);
    Map<String, Object> file = new java.util.LinkedHashMap<>();
    file.put("rule_files", List.of("rules.yml"));
    file.put("evaluation_interval", "1m");
    // Recordings before the alerts that read them, as the backtest sees them: promtool's own order is random.
    List<String> groups = new ArrayList<>();
    rules.path("groups").forEach(g -> groups.add(g.path("name").asText()));
    file.put("group_eval_order", groups);
    file.put("tests", List.of(test));
    yaml.writeValue(folder.resolve("cross-check.test.yml").toFile(), file);

    dev.sredsl.testing.ExternalTool.Run run = dev.sredsl.testing.ExternalTool.promtool()
        .run("test", "rules", folder.resolve("cross-check.test.yml").toString());
    assertEquals(0, run.exitCode(), run.output());
  }

  private static Map<String, Object> alertCase(String alert, long atMillis, Map<String, String> labels) {
    Map<String, Object> test = new java.util.LinkedHashMap<>();
    test.put("eval_time", (atMillis / 1000) + "s");
    test.put("alertname", alert);
    test.put("exp_alerts", labels == null ? List.of() : List.of(Map.of("exp_labels", labels)));
    return test;
  }

  /** The counter as its explicit values at every scrape from {@code from}, counted from zero there. */
  private static Map<String, Object> inputSeries(String name, java.util.function.Function<Instant, Double> rate,
      Instant from, Instant to) {
    StringBuilder values = new StringBuilder();
    double value = 0;
    for (Instant t = from; !t.isAfter(to); t = t.plus(SCRAPE)) {
      values.append(values.length() == 0 ? "" : " ").append(dev.sredsl.generate.Numbers.format(value));
      value += rate.apply(t) * SCRAPE.toSeconds();
    }
    return Map.of("series", name, "values", values.toString());
  }

  static dev.sredsl.dsl.Declarations burstOnly(double threshold, boolean withOldAlert) {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> {
      s.owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
          .tier(Tier.HIGH)
          .signals(Micrometer.httpServer())
          .alert("CheckoutErrorBurst", a -> a.when(errorRatio().over("5m").above(threshold)).lasting("5m")
              .severity(Severity.PAGE).summary("Checkout fails."));
      if (withOldAlert) {
        s.alert("CheckoutOldTraffic", a -> a.when(traffic().over("5m").below(5)).lasting("2m")
            .severity(Severity.TICKET).summary("Checkout gets little traffic."));
      }
    });
    return sre.declarations();
  }

  @Test
  void aBaselineIsBacktestedBesideAndEachAlertsChangeIsReported() throws IOException {
    Path baseline = Files.createDirectories(work.resolve("main/prometheus"));
    Files.writeString(baseline.resolve("checkout.rules.yml"), new dev.sredsl.pipeline.SrePipeline()
        .generate(burstOnly(0.9, true), GenerationSettings.DEFAULTS).get("prometheus/checkout.rules.yml")
        .orElseThrow().contentAsString());
    Verification.Settings settings = new Verification.Settings(END, Duration.ofDays(7), Duration.ofMinutes(1),
        Duration.ofDays(7), null, null, 4);
    VerifyOutcome compared = new VerifyGoal().run(DefinitionsSource.of(burstOnly(0.05, false)),
        GenerationSettings.DEFAULTS, new HttpPrometheusApi(prometheus.baseUrl(), Credentials.none()), settings,
        baseline, work.resolve("compared/target/sre"), line -> { });
    List<AlertResult> alerts = compared.result().services().get(0).alerts();
    AlertResult burst = alerts.stream().filter(a -> a.name().equals("CheckoutErrorBurst")).findFirst().orElseThrow();
    assertEquals(1, burst.current().episodes().size());
    assertEquals(0, burst.baseline().episodes().size(), "at 90% the burst of 67% errors never paged");
    AlertResult removed = alerts.stream().filter(a -> a.name().equals("CheckoutOldTraffic")).findFirst().orElseThrow();
    assertTrue(removed.removed());
    assertEquals(6, removed.baseline().episodes().size(), "the removed alert's six tickets of the baseline");
    VerifyResult.TeamLoad payments = compared.result().teams().get(0);
    assertEquals(0.0, payments.baselinePagesPerWeek(), 1e-9);
    assertEquals(1.0, payments.pagesPerWeek(), 1e-9);
    assertTrue(compared.markdown().contains("| payments | 0 -> 1 | 6 -> 0 |"), compared.markdown());
    assertTrue(compared.markdown().contains("| CheckoutErrorBurst | critical | 1 | 29m | 0 fired, 0 |"),
        compared.markdown());
  }
}
