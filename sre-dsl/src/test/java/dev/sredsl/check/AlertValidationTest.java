package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.dsl.AlertBuilder;
import dev.sredsl.model.Condition;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertValidationTest {

  private static final String ALERT = "service 'checkout', alert 'CheckoutHighErrorRate': ";
  private static final String RUNBOOK = "service 'checkout', alert 'CheckoutHighErrorRate', runbook: ";
  private static final Condition ERRORS = errorRatio().over("5m").above(0.05);

  /** Problems of one alert on a service with request metrics, JVM heap and an orders-db pool. */
  private static List<String> problemsOfAlert(Consumer<AlertBuilder> spec) {
    return problemsOf("checkout", s -> s.tier(Tier.CRITICAL)
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed())
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
        .alert("CheckoutHighErrorRate", spec));
  }

  private static List<String> problemsOfConditionWithoutRequestMetrics(Condition condition) {
    return problemsOf("checkout", s -> s.tier(Tier.LOW)
        .alert("CheckoutHighErrorRate", a -> a.when(condition).lasting("5m").severity(Severity.TICKET)));
  }

  @Test
  void acceptsAnAlertWithConditionWaitAndSeverity() {
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).lasting("5m").severity(Severity.PAGE)));
  }

  @Test
  void acceptsAnAlertWithoutFor() {
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE)));
  }

  @Test
  void reportsAZeroFor() {
    assertEquals(List.of(ALERT + "'for' must be positive, was 0s; give a wait such as .lasting(\"5m\"); a"
        + " condition that must hold for more than a day belongs in an SLO's slow-burn alert"),
        problemsOfAlert(a -> a.when(ERRORS).lasting(Duration.ZERO).severity(Severity.PAGE)));
  }

  @Test
  void reportsANegativeFor() {
    assertEquals(List.of(ALERT + "'for' must be positive, was -5m; give a wait such as .lasting(\"5m\"); a"
        + " condition that must hold for more than a day belongs in an SLO's slow-burn alert"),
        problemsOfAlert(a -> a.when(ERRORS).lasting(Duration.ofMinutes(-5)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAForOfMoreThanOneDay() {
    assertEquals(List.of(ALERT + "'for' must be at most 1d, was 1d1h; give a wait such as"
            + " .lasting(\"5m\"); a condition that must hold for more than a day belongs in an SLO's slow-burn alert"),
        problemsOfAlert(a -> a.when(ERRORS).lasting("25h").severity(Severity.PAGE)));
  }

  @Test
  void acceptsAForOfExactlyOneDay() {
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).lasting("1d").severity(Severity.TICKET)));
  }

  @Test
  void reportsAForThatIsNotAWholeNumberOfSeconds() {
    assertEquals(List.of(ALERT + "'for' must be a whole number of seconds, was 1s500ms"),
        problemsOfAlert(a -> a.when(ERRORS).lasting("1s500ms").severity(Severity.PAGE)));
  }

  private static final String HOLD_FIX = "; give a hold such as .keepFiringFor(\"10m\"); a signal that stays"
      + " unsettled for more than a day needs a longer rate window or an SLO, not a longer hold";

  @Test
  void acceptsAKeepFiringForOfOneSecondToOneDay() {
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).lasting("5m").keepFiringFor("1s").severity(Severity.PAGE)));
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).keepFiringFor(Duration.ofDays(1)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAZeroOrNegativeKeepFiringFor() {
    assertEquals(List.of(ALERT + "keep_firing_for must be positive, was 0s" + HOLD_FIX),
        problemsOfAlert(a -> a.when(ERRORS).keepFiringFor(Duration.ZERO).severity(Severity.PAGE)));
    assertEquals(List.of(ALERT + "keep_firing_for must be positive, was -10m" + HOLD_FIX),
        problemsOfAlert(a -> a.when(ERRORS).keepFiringFor(Duration.ofMinutes(-10)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAKeepFiringForOfMoreThanOneDay() {
    assertEquals(List.of(ALERT + "keep_firing_for must be at most 1d, was 2d" + HOLD_FIX),
        problemsOfAlert(a -> a.when(ERRORS).lasting("5m").keepFiringFor("2d").severity(Severity.PAGE)));
  }

  @Test
  void reportsAKeepFiringForThatIsNotAWholeNumberOfSeconds() {
    assertEquals(List.of(ALERT + "keep_firing_for must be a whole number of seconds, was 2s500ms"),
        problemsOfAlert(a -> a.when(ERRORS).keepFiringFor("2s500ms").severity(Severity.PAGE)));
  }

  @Test
  void reportsAForOfCenturiesInsteadOfFailing() {
    assertEquals(List.of(ALERT + "'for' must be at most 1d, was 300y; give a wait such as"
            + " .lasting(\"5m\"); a condition that must hold for more than a day belongs in an SLO's slow-burn alert"),
        problemsOfAlert(a -> a.when(ERRORS).lasting("300y").severity(Severity.PAGE)));
  }

  @Test
  void reportsAZeroWindow() {
    assertEquals(List.of(ALERT + "window must be positive, was 0s; give the rate window, e.g. over(\"5m\");"
        + " use an SLO for windows longer than a day"),
        problemsOfAlert(a -> a.when(errorRatio().over(Duration.ZERO).above(0.05)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAWindowOfMoreThanOneDay() {
    assertEquals(List.of(ALERT + "window must be at most 1d, was 2d; give the rate window, e.g."
        + " over(\"5m\"); use an SLO for windows longer than a day"),
        problemsOfAlert(a -> a.when(traffic().over("2d").below(1)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAMissingWindow() {
    assertEquals(List.of(ALERT + "window is missing; give the rate window, e.g. over(\"5m\"); use an SLO for"
        + " windows longer than a day"),
        problemsOfAlert(a -> a.when(new Condition.ErrorRatio(null, dev.sredsl.model.Comparison.ABOVE, 0.05))
            .severity(Severity.PAGE)));
  }

  @ParameterizedTest
  @CsvSource({"0, 0.0", "5.0, 5.0", "-0.1, -0.1", "NaN, NaN", "1.0001, 1.0001", "1, 1.0"})
  void reportsAnErrorRatioThresholdOutsideZeroToOne(double threshold, String printed) {
    assertEquals(List.of(ALERT + "error ratio threshold must be between 0 and 1, both excluded (0.05 means 5%), was "
            + printed),
        problemsOfAlert(a -> a.when(errorRatio().above(threshold)).severity(Severity.PAGE)));
  }

  @Test
  void reportsADeclaredAlertTakingTheNameOfAGeneratedBurnRateAlert() {
    assertEquals(List.of("service 'checkout', alert 'CheckoutAvailabilityErrorBudgetFastBurn': the name is taken by"
            + " an alert generated for slo 'availability'; rename the alert"),
        Declared.problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
            .slo(Slo.availability(99.9))
            .alert("CheckoutAvailabilityErrorBudgetFastBurn", a -> a.when(errorRatio().above(0.1))
                .severity(Severity.PAGE))));
  }

  @Test
  void reportsTrafficBelowZeroWhichNeverHappens() {
    assertEquals(List.of(ALERT + "traffic below 0 requests per second never happens; give a positive rate, e.g."
            + " below(0.1)"),
        problemsOfAlert(a -> a.when(traffic().below(0)).severity(Severity.PAGE)));
  }

  @Test
  void reportsALatencyQuantileOfOne() {
    assertEquals(List.of(ALERT + "latency quantile must be between 0 and 1, both excluded (0.99 for p99), was 1.0"),
        problemsOfAlert(a -> a.when(latency(1.0).above(Duration.ofMillis(800))).severity(Severity.PAGE)));
  }

  @Test
  void reportsALatencyQuantileGivenAsPercent() {
    assertEquals(List.of(ALERT + "latency quantile must be between 0 and 1, both excluded (0.99 for p99),"
        + " was 99.0; did you mean 0.99?"),
        problemsOfAlert(a -> a.when(latency(99).above(Duration.ofMillis(800))).severity(Severity.PAGE)));
  }

  @Test
  void reportsAZeroLatencyThreshold() {
    assertEquals(List.of(ALERT + "latency threshold must be positive, was 0s; give the latency above which"
        + " to alert, e.g. Duration.ofMillis(500)"),
        problemsOfAlert(a -> a.when(latency(0.99).above(Duration.ZERO)).severity(Severity.PAGE)));
  }

  @Test
  void reportsALatencyConditionOnRequestMetricsWithoutHistogram() {
    RequestMetrics summaryOnly = new RequestMetrics("prometheus-summary", "http_requests_count", null,
        "http_requests_sum", LabelMatcher.regex("code", "5.."), "path", "method", "code", List.of(), List.of());

    assertEquals(List.of("service 'checkout', alert 'CheckoutSlowRequests': a latency condition needs histogram"
            + " buckets, and request metrics prometheus-summary have none"),
        problemsOf("checkout", s -> s.tier(Tier.HIGH).signals(summaryOnly)
            .alert("CheckoutSlowRequests", a -> a
                .when(latency(0.99).over("10m").above(Duration.ofMillis(800)))
                .severity(Severity.TICKET))));
  }

  @Test
  void reportsANegativeTrafficRate() {
    assertEquals(List.of(ALERT + "requests per second must be a finite number of at least 0, was -1.0"),
        problemsOfAlert(a -> a.when(traffic().below(-1)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAnInfiniteTrafficRate() {
    assertEquals(List.of(ALERT + "requests per second must be a finite number of at least 0, was Infinity"),
        problemsOfAlert(a -> a.when(traffic().above(Double.POSITIVE_INFINITY)).severity(Severity.PAGE)));
  }

  @Test
  void reportsAnErrorRatioConditionOnAServiceWithoutRequestMetrics() {
    assertEquals(List.of(ALERT + "an error-ratio condition needs request metrics; add"
            + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service"),
        problemsOfConditionWithoutRequestMetrics(ERRORS));
  }

  @Test
  void reportsALatencyConditionOnAServiceWithoutRequestMetrics() {
    assertEquals(List.of(ALERT + "a latency condition needs request metrics; add"
            + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service"),
        problemsOfConditionWithoutRequestMetrics(latency(0.99).above(Duration.ofMillis(800))));
  }

  @Test
  void reportsATrafficConditionOnAServiceWithoutRequestMetrics() {
    assertEquals(List.of(ALERT + "a traffic condition needs request metrics; add"
            + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service"),
        problemsOfConditionWithoutRequestMetrics(traffic().below(0.1)));
  }

  @Test
  void reportsASignalConditionOnAnUnknownSignalListingTheDeclaredOnes() {
    assertEquals(List.of(ALERT + "condition refers to signal 'db-pool', which the service does not declare;"
            + " declare it with .saturation(...), .signal(...) or a dependency's .via(...), or use a"
            + " declared one (jvm-heap, hikari-orders)"),
        problemsOfAlert(a -> a.when(signal("db-pool").above(0.9)).severity(Severity.PAGE)));
  }

  @Test
  void reportsASignalConditionOnAServiceWithoutSignals() {
    assertEquals(List.of(ALERT + "condition refers to signal 'jvm-heap', which the service does not declare;"
            + " declare it with .saturation(...), .signal(...) or a dependency's .via(...), or use a"
            + " declared one (none)"),
        problemsOfConditionWithoutRequestMetrics(signal("jvm-heap").above(0.9)));
  }

  @Test
  void acceptsSignalConditionsOnSaturationSignalsAndDependencyHealth() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.CRITICAL)
        .saturation(Jvm.heapUsed())
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
        .alert("CheckoutHeapFull", a -> a.when(signal("jvm-heap").above(0.9)).severity(Severity.TICKET))
        .alert("CheckoutPoolExhausted", a -> a.when(signal("hikari-orders").above(0.9)).severity(Severity.PAGE))));
  }

  @Test
  void reportsANonFiniteSignalThreshold() {
    assertEquals(List.of(ALERT + "signal threshold must be a finite number, was NaN"),
        problemsOfAlert(a -> a.when(signal("jvm-heap").above(Double.NaN)).severity(Severity.PAGE)));
  }

  @Test
  void reportsABlankPromqlCondition() {
    assertEquals(List.of(ALERT + "PromQL condition is missing; write the expression, e.g."
            + " promql(\"up{job=\\\"checkout\\\"} == 0\")"),
        problemsOfAlert(a -> a.when(promql(" ")).severity(Severity.PAGE)));
  }

  @Test
  void reportsAMissingCondition() {
    assertEquals(List.of(ALERT + "condition is missing; add .when(...), e.g."
            + " .when(errorRatio().over(\"5m\").above(0.05))"),
        problemsOfAlert(a -> a.lasting("5m").severity(Severity.PAGE)));
  }

  @Test
  void reportsAMissingSeverity() {
    assertEquals(List.of(ALERT + "severity is missing; add .severity(Severity.PAGE), (Severity.TICKET) or"
            + " (Severity.INFO)"),
        problemsOfAlert(a -> a.when(ERRORS).lasting("5m")));
  }

  @Test
  void reportsBlankSummaryAndDescription() {
    assertEquals(List.of(
            ALERT + "summary is blank; write it out or leave it out",
            ALERT + "description is blank; write it out or leave it out"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).summary(" ").description("")));
  }

  @Test
  void reportsAnAlertNameStartingLowerCase() {
    assertEquals(List.of("service 'checkout', alert 'highErrors': alert name 'highErrors' is not valid: use"
            + " CamelCase ASCII letters and digits, starting with an upper-case letter, at most 100 characters,"
            + " e.g. 'CheckoutHighErrorRate'"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .alert("highErrors", a -> a.when(promql("up == 0")).severity(Severity.INFO))));
  }

  @Test
  void reportsAnAlertNameWithADash() {
    assertEquals(List.of("service 'checkout', alert 'High-Errors': alert name 'High-Errors' is not valid: use"
            + " CamelCase ASCII letters and digits, starting with an upper-case letter, at most 100 characters,"
            + " e.g. 'CheckoutHighErrorRate'"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .alert("High-Errors", a -> a.when(promql("up == 0")).severity(Severity.INFO))));
  }

  @Test
  void reportsAnAlertWithoutName() {
    assertEquals(List.of("service 'checkout', alert <unnamed>: alert name is missing; name it in CamelCase, e.g."
            + " 'CheckoutHighErrorRate'"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .alert(null, a -> a.when(promql("up == 0")).severity(Severity.INFO))));
  }

  @Test
  void reportsTwoDifferentAlertsWithTheSameName() {
    assertEquals(List.of("service 'checkout': alert 'CheckoutHighErrorRate' is declared more than once; names must"
            + " be unique, so rename or remove one"),
        problemsOf("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
            .alert("CheckoutHighErrorRate", a -> a.when(ERRORS).severity(Severity.PAGE))
            .alert("CheckoutHighErrorRate", a -> a.when(errorRatio().above(0.01)).severity(Severity.TICKET))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"routing-key", "__route", "1st", "", "zone.name"})
  void reportsAnInvalidLabelName(String name) {
    assertEquals(List.of(ALERT + "label name '" + name + "' is not valid: use letters, digits and underscores, not"
            + " starting with a digit or '__'"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).label(name, "payments")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"severity", "service", "team", "alertname"})
  void reportsALabelTheGeneratorSets(String name) {
    assertEquals(List.of(ALERT + "label '" + name + "' is set from the definition; remove .label(\"" + name
            + "\", ...)"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).label(name, "x")));
  }

  @Test
  void reportsALabelWithBlankValue() {
    assertEquals(List.of(ALERT + "label 'region' has no value; give one or remove the label"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).label("region", " ")));
  }

  @Test
  void reportsALabelWithNullValue() {
    assertEquals(List.of(ALERT + "label 'region' has no value; give one or remove the label"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).label("region", null)));
  }

  @Test
  void reportsLabelProblemsInLabelNameOrder() {
    assertEquals(List.of(
            ALERT + "label 'a_region' has no value; give one or remove the label",
            ALERT + "label 'team' is set from the definition; remove .label(\"team\", ...)"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).label("team", "payments").label("a_region", "")
            .label("routing_key", "payments")));
  }

  @Test
  void reportsARiskyStepWithBlankRisk() {
    assertEquals(List.of(RUNBOOK + "risky step 'Restart the pods one at a time.' does not state its risk; write"
            + " Step.risky(action, risk)"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE)
            .runbook(r -> r.mitigate(Step.risky("Restart the pods one at a time.", " ")))));
  }

  @Test
  void reportsARiskyStepWithNullRisk() {
    assertEquals(List.of(RUNBOOK + "risky step 'Restart the pods one at a time.' does not state its risk; write"
            + " Step.risky(action, risk)"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE)
            .runbook(r -> r.mitigate(Step.risky("Restart the pods one at a time.", null)))));
  }

  @Test
  void reportsAMitigationWithoutAction() {
    assertEquals(List.of(RUNBOOK + "mitigation action is missing; say what to do"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).runbook(r -> r.mitigate(Step.safe("")))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://status.example.com", "status.example.com", "/wiki/checkout", "https:///status",
      "mailto:oncall@example.com", "https://exa mple.com", "file:///etc/runbook.md"})
  void reportsARunbookLinkThatIsNotAnAbsoluteWebAddress(String url) {
    assertEquals(List.of(RUNBOOK + "link 'Payment provider status': '" + url + "' is not an absolute http or https"
            + " URL; write the whole address, e.g. https://grafana.example.com/d/abc"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE)
            .runbook(r -> r.link("Payment provider status", url))));
  }

  @Test
  void reportsARunbookLinkWithoutTitle() {
    assertEquals(List.of(RUNBOOK + "link title is missing; give the link a title"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE)
            .runbook(r -> r.link(" ", "https://status.example-payments.com"))));
  }

  @Test
  void acceptsHttpAndHttpsRunbookLinks() {
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).runbook(r -> r
        .link("Status", "https://status.example-payments.com")
        .link("Wiki", "http://wiki.internal:8080/checkout#errors"))));
  }

  @Test
  void reportsBlankSymptomsAndDiagnosisSteps() {
    assertEquals(List.of(
            RUNBOOK + "a symptom is blank; write it out or remove it",
            RUNBOOK + "a diagnosis step is blank; write it out or remove it"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).runbook(r -> r
            .symptoms("Customers see HTTP 500.", " ")
            .diagnose(""))));
  }

  @Test
  void reportsABlankEscalationCriterionInGrammaticalEnglish() {
    assertEquals(List.of(RUNBOOK + "an escalation criterion is blank; write it out or remove it"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).runbook(r -> r.escalate("\n"))));
  }

  @Test
  void reportsAnAlertWaiverWithoutReasonAndExpiry() {
    assertEquals(List.of(
            "service 'checkout', alert 'CheckoutHighErrorRate', waiver: reason is missing; say why the item is"
                + " waived, for the reviewer",
            "service 'checkout', alert 'CheckoutHighErrorRate', waiver: expiry date is missing; every waiver ends,"
                + " e.g. LocalDate.of(2027, 3, 31)"),
        problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE).waive(CoverageCounter.RUNBOOK, "", null)));
  }

  @Test
  void acceptsAnAlertWaiverWithReasonAndExpiry() {
    assertEquals(List.of(), problemsOfAlert(a -> a.when(ERRORS).severity(Severity.PAGE)
        .waive(CoverageCounter.RUNBOOK, "Runbook written in the incident review on Monday.", LocalDate.of(2027, 1, 15))));
  }
}
