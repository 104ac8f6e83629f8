package dev.sredsl.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.SloKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenSLO objectives as model SLOs: each kind of indicator as query templates, burn-rate conditions as
 * the page and ticket tiers, and what cannot be mapped refused with one line at its field. The specs are
 * written after the OpenSLO v1 field list and its examples.
 */
class OpenSloSlosTest {

  private static final String FILE = "src/main/sre/checkout.openslo.yaml";

  private static final String SERVICE = """
      apiVersion: openslo/v1
      kind: Service
      metadata:
        name: checkout
        displayName: Checkout
      spec:
        description: Takes the basket to a paid order.
      ---
      """;

  /** An SLO of the checkout service with the given indicator spec and alert policies, indented as written. */
  private static String slo(String indicator, String alertPolicies) {
    return SERVICE + """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: availability
        spec:
          description: Orders are taken.
          service: checkout
          indicator:
            metadata:
              name: checkout-errors
            spec:
        """ + indent(indicator, 6) + """
          timeWindow:
            - duration: 4w
              isRolling: true
          budgetingMethod: Occurrences
          objectives:
            - target: 0.999
        """ + indent(alertPolicies, 2);
  }

  private static final String COUNTERS = """
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: http_server_requests_seconds_count{job="checkout", outcome="SERVER_ERROR"}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_server_requests_seconds_count{job="checkout"}
      """;

  /** An alert policy with one burn-rate condition. */
  private static String policy(String displayName, String severity, String threshold, String lookback, String after) {
    return """
          - kind: AlertPolicy
            metadata:
              name: policy-%s
        %s    spec:
              alertWhenBreaching: true
              conditions:
                - kind: AlertCondition
                  metadata:
                    name: condition-%s
                  spec:
                    severity: %s
                    condition:
                      kind: burnrate
                      op: gt
                      threshold: %s
                      lookbackWindow: %s
        %s
              notificationTargets: []
        """.formatted(lookback, displayName == null ? "" : "      displayName: " + displayName + "\n", lookback,
        severity, threshold, lookback, after == null ? "" : "              alertAfter: " + after);
  }

  private static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return text.lines().map(line -> line.isEmpty() ? line : pad + line).reduce("", (a, b) -> a + b + "\n");
  }

  private static ImportedSlos toModel(String yaml) {
    return OpenSloSlos.toModel(FILE, OpenSloReader.read(SpecYaml.read(yaml.getBytes(StandardCharsets.UTF_8), FILE)));
  }

  private static Slo only(String yaml) {
    ImportedSlos slos = toModel(yaml);
    assertEquals(1, slos.slos().size());
    return slos.slos().get(0).slo();
  }

  private static String problem(String yaml) {
    SpecException e = assertThrows(SpecException.class, () -> toModel(yaml));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void counterRatiosAreRatesOfTheQueriesAsWritten() {
    ImportedSlos imported = toModel(slo(COUNTERS, ""));
    ImportedSlo one = imported.slos().get(0);
    assertEquals("checkout", one.service());
    assertEquals("Takes the basket to a paid order.", one.serviceDescription());
    assertEquals(List.of(), imported.warnings());
    Slo slo = one.slo();
    assertEquals("availability", slo.name());
    assertEquals(SloKind.EVENTS, slo.kind());
    assertEquals(99.9, slo.objectivePercent());
    assertEquals(Duration.ofDays(28), slo.period());
    assertEquals("Orders are taken.", slo.description());
    assertEquals(EventCount.query("sum(rate(http_server_requests_seconds_count{job=\"checkout\","
        + " outcome=\"SERVER_ERROR\"}[${window}]))"), slo.events().bad());
    assertEquals(EventCount.query("sum(rate(http_server_requests_seconds_count{job=\"checkout\"}[${window}]))"),
        slo.events().total());
    assertEquals(Slo.DEFAULT_MINIMUM_BAD_EVENTS, slo.minimumBadEvents());
    // Without alert policies, sre-dsl's default conditions.
    assertTrue(slo.pageAlerts() && slo.ticketAlerts());
    assertEquals(List.of(), slo.pageWindows());
    assertEquals(SloAlerting.CONVENTIONAL, slo.alerting());
    assertEquals(List.of(9, 1), List.of(one.at().line(), one.at().column()));
  }

  @Test
  void aCounterExpressionIsRatedOverASubqueryWithAWarning() {
    ImportedSlos imported = toModel(slo(COUNTERS.replace("bad:", "good:").replace(
        "http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\"}",
        "sum(http_server_requests_seconds_count{job=\"checkout\", outcome=\"SUCCESS\"})"), ""));
    Slo slo = imported.slos().get(0).slo();
    assertEquals(EventCount.query("sum(rate((sum(http_server_requests_seconds_count{job=\"checkout\","
        + " outcome=\"SUCCESS\"}))[${window}:]))"), slo.events().good());
    assertNull(slo.events().bad());
    assertEquals(List.of(FILE + ":9:1: SLO 'availability': the good query of its counter ratioMetric is an"
        + " expression, not a series selector, so its rate is taken over a subquery, which miscounts when one of"
        + " its counters restarts; give the counter's selector, e.g. requests_total{job=\"x\"}"), imported.warnings());
  }

  @Test
  void valuesThatGoUpAndDownAreAveragedAndTheGuardIsOff() {
    Slo slo = only(slo(COUNTERS.replace("counter: true", "counter: false")
        .replace("http_server_requests_seconds_count{job=\"checkout\"}", "job:requests:rate5m{job=\"checkout\"}"), ""));
    assertEquals(EventCount.query("sum(avg_over_time((job:requests:rate5m{job=\"checkout\"})[${window}:]))"),
        slo.events().total());
    assertEquals(1, slo.minimumBadEvents());
  }

  @Test
  void precomputedRatiosAreAveragedOverTheWindow() {
    String raw = """
        ratioMetric:
          rawType: failure
          raw:
            metricSource:
              type: Prometheus
              spec:
                query: job:error_ratio:rate5m{job="checkout"}
        """;
    assertEquals(EventCount.query("avg_over_time((job:error_ratio:rate5m{job=\"checkout\"})[${window}:])"),
        only(slo(raw, "")).events().errorRatio());
    assertEquals(EventCount.query("1 - avg_over_time((job:error_ratio:rate5m{job=\"checkout\"})[${window}:])"),
        only(slo(raw.replace("failure", "success"), "")).events().errorRatio());
  }

  @Test
  void aThresholdMetricCountsTheEvaluationsAtWhichTheValueIsBad() {
    String yaml = slo("""
        thresholdMetric:
          metricSource:
            type: Prometheus
            spec:
              query: histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))
        """, "").replace("- target: 0.999", "- op: lte\n      value: 0.50\n      target: 0.99");
    Slo slo = only(yaml);
    assertEquals(99.0, slo.objectivePercent());
    assertEquals(EventCount.query("1 - avg_over_time(((histogram_quantile(0.99, sum by (le)"
        + " (rate(http_server_requests_seconds_bucket[5m])))) <= bool 0.5)[${window}:])"), slo.events().errorRatio());
  }

  @Test
  void sreDslsOwnTemplatesInAnnotationsWinOverTheQueries() {
    String yaml = slo(COUNTERS, "").replace("      name: checkout-errors\n", """
              name: checkout-errors
              annotations:
                sre-dsl.dev/query-template-bad: sum(increase(failed_total[${window}])) / 60
        """);
    Slo slo = only(yaml);
    assertEquals(EventCount.query("sum(increase(failed_total[${window}])) / 60"), slo.events().bad());
    assertEquals(EventCount.query("sum(rate(http_server_requests_seconds_count{job=\"checkout\"}[${window}]))"),
        slo.events().total());
    assertEquals(FILE + ":20:9: annotation 'sre-dsl.dev/query-template-errors' names no count; the roles are good,"
        + " bad, total, error-ratio", problem(yaml.replace("template-bad", "template-errors")));
  }

  @Test
  void burnRateConditionsAreThePageAndTicketTiersWithLookbackAndAlertAfterAsLongAndShortWindows() {
    Slo slo = only(slo(COUNTERS, "alertPolicies:\n"
        + policy("CheckoutDown", "page", "14.4", "1h", "5m")
        + policy("CheckoutDown", "critical", "6", "6h", "30m")
        + policy("CheckoutErodes", "Ticket", "1", "3d", "6h")));
    // The page conditions are the default table, which stays the default; the ticket's are the SLO's own.
    assertEquals(List.of(BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
        BurnRateWindow.of(Duration.ofHours(6), Duration.ofMinutes(30), 6)),
        dev.sredsl.conventions.BurnRates.windows(slo, dev.sredsl.conventions.BurnRates.AlertTier.FAST));
    assertEquals(List.of(), slo.pageWindows());
    assertEquals(List.of(BurnRateWindow.of(Duration.ofDays(3), Duration.ofHours(6), 1)), slo.ticketWindows());
    assertTrue(slo.pageAlerts() && slo.ticketAlerts());
    assertEquals(SloAlerting.named("CheckoutDown", "CheckoutErodes"), slo.alerting());
  }

  @Test
  void theConventionalAlertNamesStayConventional() {
    Slo slo = only(slo(COUNTERS, "alertPolicies:\n"
        + policy("CheckoutAvailabilityErrorBudgetFastBurn", "page", "14.4", "1h", "5m")
        + policy("Renamed", "ticket", "1", "3d", "6h")));
    assertEquals(SloAlerting.named(null, "Renamed"), slo.alerting());
  }

  @Test
  void aTierWithoutConditionsIsOffAndAnEmptyListSwitchesBothOff() {
    Slo pageOnly = only(slo(COUNTERS, "alertPolicies:\n" + policy(null, "high", "14.4", "1h", "5m")));
    assertTrue(pageOnly.pageAlerts());
    assertFalse(pageOnly.ticketAlerts());
    assertEquals(SloAlerting.CONVENTIONAL, pageOnly.alerting());
    Slo none = only(slo(COUNTERS, "alertPolicies: []\n"));
    assertFalse(none.pageAlerts() || none.ticketAlerts());
  }

  @Test
  void aDisplayNameThatIsNoAlertNameIsLeftWithAWarning() {
    ImportedSlos imported = toModel(slo(COUNTERS, "alertPolicies:\n" + policy("Checkout fast burn", "page", "14.4",
        "1h", "5m")));
    assertEquals(SloAlerting.CONVENTIONAL, imported.slos().get(0).slo().alerting());
    assertEquals(List.of(FILE + ":42:22: displayName 'Checkout fast burn' is no alert name (CamelCase ASCII letters"
        + " and digits), so the page alert keeps sre-dsl's name; write it in CamelCase to name the alert"),
        imported.warnings());
  }

  @Test
  void whatCannotBeMappedIsOneLineAtItsField() {
    assertEquals(FILE + ":51:17: alertAfter must be more than 0 and shorter than lookbackWindow: sre-dsl checks the"
        + " burn over it as the short window of a multi-window alert; the Workbook takes a twelfth, e.g. alertAfter:"
        + " 5m for lookbackWindow: 1h", problem(slo(COUNTERS, "alertPolicies:\n" + policy(null, "page", "14.4", "1h",
            null))));
    assertEquals(FILE + ":55:17: alertAfter must be more than 0 and shorter than lookbackWindow: sre-dsl checks the"
        + " burn over it as the short window of a multi-window alert; the Workbook takes a twelfth, e.g. alertAfter:"
        + " 5m for lookbackWindow: 1h", problem(slo(COUNTERS, "alertPolicies:\n" + policy(null, "page", "14.4", "1h",
            "1h"))));
    assertEquals(FILE + ":49:15: severity 'sev2' names no alert tier; give page, critical or high to page,"
        + " ticket, warning, low or info for a ticket", problem(slo(COUNTERS, "alertPolicies:\n" + policy(null, "sev2", "14.4", "1h",
            "5m"))));
    assertEquals(FILE + ":61:22: displayName 'CheckoutSlow' differs from 'CheckoutDown' (line 42) of another page"
        + " policy of the SLO; sre-dsl raises one page alert per SLO, so give its policies one displayName",
        problem(slo(COUNTERS, "alertPolicies:\n" + policy("CheckoutDown", "page", "14.4", "1h", "5m")
            + policy("CheckoutSlow", "page", "6", "6h", "30m"))));
    assertEquals(FILE + ":61:22: the page and the ticket alert policies are both named CheckoutDown (line 42); give"
        + " the ticket's policies another displayName", problem(slo(COUNTERS, "alertPolicies:\n"
            + policy("CheckoutDown", "page", "14.4", "1h", "5m") + policy("CheckoutDown", "ticket", "3", "1d", "2h"))));
  }
}
