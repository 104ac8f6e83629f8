package dev.sredsl.coverage;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageCheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private static Service checkout(java.util.function.Consumer<dev.sredsl.dsl.ServiceBuilder> more) {
    return Fixtures.service("checkout", s -> {
      s.tier(Tier.CRITICAL)
          .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
          .signals(Micrometer.httpServer())
          .saturation(Jvm.heapUsed())
          .slo(Slo.availability(99.9))
          .alert("CheckoutErrors", a -> a.when(errorRatio().above(0.05)).lasting("5m").severity(Severity.PAGE)
              .summary("Errors.").runbook(r -> r.symptoms("500s").diagnose("Look.").mitigate(Step.safe("Roll back."))
                  .escalate("Page.")))
          .alert("CheckoutSlowRequests", a -> a.when(errorRatio().above(0.01)).lasting("5m").severity(Severity.TICKET)
              .summary("Slow."));
      more.accept(s);
    });
  }

  private static List<String> violations(List<Service> services, List<CoverageRule> rules) {
    return CoverageCheck.violations(new CoverageAnalyzer(TODAY).analyze(services), rules, null);
  }

  @Test
  void theDefaultPolicyNamesTheAlertsWithoutARunbook() {
    assertEquals(List.of("service checkout: runbook coverage is 0.50, expected minimum 1.00; alerts without a"
        + " runbook: CheckoutSlowRequests"), violations(List.of(checkout(s -> { })), CoverageRule.DEFAULT_POLICY));
  }

  @Test
  void aPagingAlertNeedsACompleteRunbook() {
    Service service = checkout(s -> s.alert("CheckoutDown", a -> a.when(errorRatio().above(0.5)).lasting("1m")
        .severity(Severity.PAGE).summary("Down.").runbook(r -> r.symptoms("Nothing works."))));

    assertEquals(List.of("service checkout: runbook coverage is 0.33, expected minimum 1.00; alerts without a"
        + " runbook: CheckoutSlowRequests; paging alerts with an incomplete runbook: CheckoutDown (lacks diagnosis,"
        + " a mitigation, escalation)"), violations(List.of(service), CoverageRule.DEFAULT_POLICY));
  }

  @Test
  void theDefaultPolicyRequiresSignalsOwnersAndSlosOfCriticalServices() {
    Service bare = Fixtures.service("bare", s -> s.tier(Tier.CRITICAL).owner(o -> o.team("t")));

    assertEquals(List.of(
        "service bare: golden signal coverage is 0.00, expected minimum 1.00; golden signals missing: latency,"
            + " traffic, errors, saturation",
        "service bare: ownership coverage is 0.00, expected minimum 1.00; missing: owner (no on-call rotation, no"
            + " escalation)",
        "service bare: SLO coverage is 0.00, expected minimum 1.00; critical services without an SLO: bare (add e.g."
            + " .slo(Slo.availability(99.9)))"), violations(List.of(bare), CoverageRule.DEFAULT_POLICY));
  }

  @Test
  void aWaiverCountsAsCoveredUntilItExpiresThenItIsAViolation() {
    Service waived = checkout(s -> s.waive(CoverageCounter.RUNBOOK, "Runbook written after the launch.",
        LocalDate.of(2026, 12, 31)));
    Service expired = checkout(s -> s.waive(CoverageCounter.RUNBOOK, "Runbook written after the launch.",
        LocalDate.of(2026, 11, 26)));

    assertEquals(List.of(), violations(List.of(waived), CoverageRule.DEFAULT_POLICY));
    Coverage coverage = new CoverageAnalyzer(TODAY).analyze(List.of(waived));
    assertEquals(new CounterValue(2, 0, 1), coverage.value("checkout", CoverageCounter.RUNBOOK));
    assertEquals(List.of(
        "service checkout: the runbook coverage waiver of the service expired on 2026-11-26 (Runbook written after"
            + " the launch.); cover the items or renew the waiver with a new date",
        "service checkout: runbook coverage is 0.50, expected minimum 1.00; alerts without a runbook:"
            + " CheckoutSlowRequests"), violations(List.of(expired), CoverageRule.DEFAULT_POLICY));
  }

  @Test
  void rulesSelectServicesAndTheBuildAndBoundCountsToo() {
    Service other = Fixtures.service("billing", s -> s.tier(Tier.LOW)
        .alert("BillingLate", a -> a.when(dev.sredsl.dsl.Conditions.promql("up == 0")).severity(Severity.INFO)));
    List<CoverageRule> rules = List.of(
        new CoverageRule(CoverageRule.Element.SERVICE, List.of("check*"), List.of(), List.of(
            new CoverageRule.Limit(CoverageCounter.ALERT_HYGIENE, CoverageRule.Value.MISSEDCOUNT, null, 0.0))),
        new CoverageRule(CoverageRule.Element.BUILD, List.of(), List.of(), List.of(
            new CoverageRule.Limit(CoverageCounter.RUNBOOK, CoverageRule.Value.COVEREDRATIO, 0.8, null))));

    assertEquals(List.of("build: runbook coverage is 0.33, expected minimum 0.80; alerts without a runbook:"
        + " billing/BillingLate, checkout/CheckoutSlowRequests"), violations(List.of(checkout(s -> { }), other), rules));
  }

  @Test
  void aBaselineFailsACounterThatDropsAndTheReportShowsTheChange() throws IOException {
    Coverage before = new CoverageAnalyzer(TODAY).analyze(List.of(checkout(s -> s.waive(CoverageCounter.RUNBOOK,
        "later", LocalDate.of(2027, 1, 1)))));
    List<GeneratedFile> reports = CoverageReports.write(before, List.of(), null);
    JsonNode json = new ObjectMapper().readTree(reports.get(0).content());
    Baseline baseline = CoverageReports.baseline(json);
    Coverage now = new CoverageAnalyzer(TODAY).analyze(List.of(checkout(s -> { })));

    List<String> violations = CoverageCheck.violations(now, List.of(), baseline);

    assertEquals(List.of(
        "service checkout: runbook coverage dropped from 1.00 in the baseline to 0.50; alerts without a runbook:"
            + " CheckoutSlowRequests",
        "build: runbook coverage dropped from 1.00 in the baseline to 0.50; alerts without a runbook:"
            + " checkout/CheckoutSlowRequests"), violations);
    String markdown = CoverageReports.write(now, violations, baseline).get(1).contentAsString();
    assertTrue(markdown.contains("| checkout | 1/2 (50%) -50 pp |"), markdown);
  }

  @Test
  void theJsonReportHasAStableSchema() throws IOException {
    Coverage coverage = new CoverageAnalyzer(TODAY).analyze(List.of(checkout(s -> { })));
    JsonNode json = new ObjectMapper().readTree(CoverageReports.write(coverage, List.of("v"), null).get(0).content());

    assertEquals(CoverageReports.SCHEMA, json.get("schema").asText());
    assertEquals(Map.of("covered", 1, "missed", 1, "waived", 0, "total", 2, "ratio", 0.5),
        new ObjectMapper().convertValue(json.at("/services/0/counters/RUNBOOK"), Map.class));
    assertEquals("no runbook", json.at("/services/0/items/2/missing").asText());
    assertEquals("v", json.at("/violations/0").asText());
  }
}
