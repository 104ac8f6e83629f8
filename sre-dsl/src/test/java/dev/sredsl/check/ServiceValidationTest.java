package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.promql.LabelMatcher;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Problems of the service itself: name, tier, ownership, selector, request metrics, signals, dependencies, waivers. */
class ServiceValidationTest {

  private static final String ID_RULE = " is not valid: use 1 to 63 lower-case letters, digits and dashes,"
      + " starting with a letter and not ending with a dash, e.g. ";
  private static final LocalDate EXPIRES = LocalDate.of(2027, 3, 31);

  @Test
  void aServiceWithOnlyNameAndTierIsValid() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.LOW)));
  }

  @Test
  void reportsAnEmptyServiceName() {
    assertEquals(List.of("service '': service name is missing; name it like 'checkout'"),
        problemsOf("", s -> s.tier(Tier.LOW)));
  }

  @Test
  void reportsABlankServiceName() {
    assertEquals(List.of("service '  ': service name is missing; name it like 'checkout'"),
        problemsOf("  ", s -> s.tier(Tier.LOW)));
  }

  @Test
  void reportsANullServiceNameWithoutAServicePrefix() {
    assertEquals(List.of("service name is missing; name it like 'checkout'"),
        problemsOf(null, s -> s.tier(Tier.LOW)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Checkout", "CHECKOUT", "café", "checkout-π", "../x", "a/b", "..", "a\\b", "check out"})
  void reportsServiceNamesThatCannotNameAFile(String name) {
    assertEquals(List.of("service '" + name + "': service name '" + name + "'" + ID_RULE + "'checkout'"),
        problemsOf(name, s -> s.tier(Tier.LOW)));
  }

  @Test
  void reportsAServiceNameOf64Characters() {
    String name = "checkout-" + "x".repeat(55);

    assertEquals(List.of("service '" + name + "': service name '" + name + "'" + ID_RULE + "'checkout'"),
        problemsOf(name, s -> s.tier(Tier.LOW)));
  }

  @Test
  void acceptsAServiceNameOf63Characters() {
    assertEquals(List.of(), problemsOf("checkout-" + "x".repeat(54), s -> s.tier(Tier.LOW)));
  }

  @Test
  void reportsTheWindowsDeviceNameCon() {
    assertEquals(List.of("service 'con': service name 'con' is a device name reserved by Windows and cannot"
            + " name a file; choose another, e.g. 'con-service'"),
        problemsOf("con", s -> s.tier(Tier.LOW)));
  }

  @Test
  void reportsAMissingTier() {
    assertEquals(List.of("service 'checkout': tier is missing; add .tier(Tier.CRITICAL), .tier(Tier.HIGH)"
            + " or .tier(Tier.LOW)"),
        problemsOf("checkout", s -> s.description("Takes the basket to a paid order.")));
  }

  @Test
  void reportsBlankDescriptionAndBlankOwnershipParts() {
    assertEquals(List.of(
            "service 'checkout': description is blank; write it out or leave it out",
            "service 'checkout', owner: team is blank; write it out or leave it out",
            "service 'checkout', owner: on-call rotation is blank; write it out or leave it out",
            "service 'checkout', owner: escalation is blank; write it out or leave it out",
            "service 'checkout', owner: chat channel is blank; write it out or leave it out"),
        problemsOf("checkout", s -> s
            .description(" ")
            .tier(Tier.HIGH)
            .owner(o -> o.team("").onCall(" ").escalation("\t").chat(""))));
  }

  @Test
  void reportsAnInvalidSelectorLabelName() {
    assertEquals(List.of("service 'checkout': selector: label name 'kubernetes-namespace' is not valid: use"
            + " letters, digits and underscores, not starting with a digit"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).selector("kubernetes-namespace", "shop")));
  }

  @Test
  void reportsAnInvalidSelectorLabelNameOnceWhenTheServiceHasRequestMetrics() {
    assertEquals(List.of("service 'checkout': selector: label name 'kubernetes-namespace' is not valid: use"
            + " letters, digits and underscores, not starting with a digit"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).signals(Micrometer.httpServer())
            .selector("kubernetes-namespace", "shop")));
  }

  @Test
  void reportsASelectorRegexThatDoesNotCompile() {
    assertEquals(List.of("service 'checkout': selector: regular expression 'checkout(' of label 'job' is not"
            + " valid for Prometheus (RE2): missing closing )"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).selector(LabelMatcher.regex("job", "checkout("))));
  }

  @Test
  void reportsEveryBadSelectorMatcherInOrder() {
    assertEquals(List.of(
            "service 'checkout': selector: label name '1job' is not valid: use letters, digits and underscores,"
                + " not starting with a digit",
            "service 'checkout': selector: label 'namespace' has no value; give one",
            "service 'checkout': selector: regular expression '[a-z' of label 'pod' is not valid for"
                + " Prometheus (RE2): missing closing ]"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).selector(
            LabelMatcher.eq("1job", "checkout"),
            LabelMatcher.eq("namespace", null),
            LabelMatcher.notRegex("pod", "[a-z"))));
  }

  @Test
  void reportsASelectorRegexThatPrometheusCannotCompile() {
    List<String> problems = problemsOf("checkout", s -> s.tier(Tier.LOW)
        .selector(LabelMatcher.eq("job", "checkout"), LabelMatcher.regex("pod", "(?!canary-).*")));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("service 'checkout': selector: regular expression '(?!canary-).*' of label"
        + " 'pod' is not valid for Prometheus (RE2): invalid or unsupported Perl syntax: '(?!'"), problems.get(0));
  }

  @Test
  void acceptsAnInvalidRegexCharacterSequenceInAnEqualityMatcher() {
    assertEquals(List.of(),
        problemsOf("checkout", s -> s.tier(Tier.LOW).selector(LabelMatcher.eq("job", "checkout("))));
  }

  @Test
  void reportsRequestMetricsWithInvalidMetricNamesAndNoFailureMatcher() {
    RequestMetrics broken = new RequestMetrics("legacy-http", "http.requests.count", "http-requests-bucket",
        "http_requests_sum", null, "path", "method", "code", List.of(), List.of());

    assertEquals(List.of(
            "service 'checkout', request metrics legacy-http: metric name 'http.requests.count' is not valid;"
                + " use letters, digits, '_' and ':'",
            "service 'checkout', request metrics legacy-http: metric name 'http-requests-bucket' is not valid;"
                + " use letters, digits, '_' and ':'",
            "service 'checkout', request metrics legacy-http: no matcher selects failed requests; give one,"
                + " e.g. outcome=\"SERVER_ERROR\""),
        problemsOf("checkout", s -> s.tier(Tier.LOW).signals(broken)));
  }

  @Test
  void acceptsRequestMetricsWithoutHistogramWhenNothingNeedsLatency() {
    RequestMetrics summaryOnly = new RequestMetrics("prometheus-summary", "http_requests_count", null,
        "http_requests_sum", LabelMatcher.regex("code", "5.."), "path", "method", "code", List.of(), List.of());

    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.LOW).signals(summaryOnly)));
  }

  @Test
  void reportsTwoDifferentSignalsWithTheSameName() {
    assertEquals(List.of("service 'checkout': signal 'queue-depth' is declared more than once; names must be"
        + " unique, so rename or remove one"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .signal(Signal.custom(SignalKind.SATURATION, "queue-depth", "sum(queue_depth{job=\"checkout\"})"))
            .signal(Signal.custom(SignalKind.SATURATION, "queue-depth", "max(queue_depth{job=\"checkout\"})"))));
  }

  @Test
  void acceptsTheSamePresetAsSaturationSignalAndAsDependencyHealth() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.LOW)
        .saturation(Hikari.pool("orders"))
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))));
  }

  @Test
  void reportsASignalWithBadNameBlankExpressionAndBlankUnit() {
    assertEquals(List.of(
            "service 'checkout', signal 'Queue_Depth': signal name 'Queue_Depth'" + ID_RULE + "'queue-depth'",
            "service 'checkout', signal 'Queue_Depth': expression is missing; give the PromQL of the signal",
            "service 'checkout', signal 'Queue_Depth': unit is missing; give a Grafana unit such as 'short',"
                + " 'percentunit' or 's'"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .signal(Signal.custom(SignalKind.SATURATION, "Queue_Depth", " ").unit(""))));
  }

  @Test
  void reportsASignalWithoutKindAndWithBlankDescription() {
    assertEquals(List.of(
            "service 'checkout', signal 'queue-depth': kind is missing; give SignalKind.LATENCY, TRAFFIC, ERRORS"
                + " or SATURATION",
            "service 'checkout', signal 'queue-depth': description is blank; write it out or leave it out"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .signal(Signal.custom(null, "queue-depth", "sum(queue_depth)").describedAs(" "))));
  }

  @Test
  void reportsADependencyWithoutHealthSignal() {
    assertEquals(List.of("service 'checkout', dependency 'orders-db': health signal is missing; add .via(...)"
            + " with a preset such as Hikari.pool(\"orders\") or .health(Signal.custom(...))"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).dependency(d -> d.database("orders-db"))));
  }

  @Test
  void reportsADependencyWithABadName() {
    assertEquals(List.of("service 'checkout', dependency 'Orders_DB': dependency name 'Orders_DB'" + ID_RULE
            + "'orders-db'"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .dependency(d -> d.database("Orders_DB").via(Hikari.pool("orders")))));
  }

  @Test
  void reportsADependencyWithNeitherNameNorKind() {
    assertEquals(List.of(
            "service 'checkout', dependency <unnamed>: dependency name is missing; name it like 'orders-db'",
            "service 'checkout', dependency <unnamed>: kind is missing; start with d.database(...), d.cache(...),"
                + " d.queue(...) or d.http(...)"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).dependency(d -> d.via(Hikari.pool("orders")))));
  }

  @Test
  void reportsTwoDependenciesWithTheSameName() {
    assertEquals(List.of("service 'checkout': dependency 'orders-db' is declared more than once; names must be"
            + " unique, so rename or remove one"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
            .dependency(d -> d.cache("orders-db").via(Hikari.pool("orders")))));
  }

  @Test
  void reportsAProblemOfAHealthSignalUnderItsDependency() {
    assertEquals(List.of("service 'checkout', dependency 'payments-api', health signal: expression is missing;"
            + " give the PromQL of the signal"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .dependency(d -> d.http("payments-api")
                .health(Signal.custom(SignalKind.ERRORS, "payments-api-errors", "")))));
  }

  @Test
  void reportsAServiceWaiverWithoutReason() {
    assertEquals(List.of("service 'checkout', waiver: reason is missing; say why the item is waived, for the"
            + " reviewer"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).waive(CoverageCounter.SLO, null, EXPIRES)));
  }

  @Test
  void reportsAServiceWaiverWithBlankReason() {
    assertEquals(List.of("service 'checkout', waiver: reason is missing; say why the item is waived, for the"
            + " reviewer"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).waive(CoverageCounter.SLO, " ", EXPIRES)));
  }

  @Test
  void reportsAServiceWaiverWithoutExpiry() {
    assertEquals(List.of("service 'checkout', waiver: expiry date is missing; every waiver ends, e.g."
            + " LocalDate.of(2027, 3, 31)"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .waive(CoverageCounter.SLO, "The SLO is being agreed with product.", null)));
  }

  @Test
  void reportsAServiceWaiverWithoutCounter() {
    assertEquals(List.of("service 'checkout', waiver: counter is missing; name the CoverageCounter the waiver is"
            + " for"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).waive(null, "Migrating to a new pager.", EXPIRES)));
  }

  @Test
  void acceptsACompleteWaiver() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.CRITICAL)
        .waive(CoverageCounter.SLO, "The SLO is being agreed with product.", EXPIRES)));
  }

  @Test
  void acceptsSignalsFromPresetsBoundToTheService() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.HIGH)
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Jvm.cpu(), Hikari.pool("orders"), Hikari.pending("orders")));

    assertEquals(List.of(), problemsOf(sre));
  }
}
