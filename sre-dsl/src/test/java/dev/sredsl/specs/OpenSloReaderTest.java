package dev.sredsl.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenSLO v1 as its specification lists the fields: SLOs with inline and referenced indicators, alert
 * policies and conditions, and every construct sre-dsl does not read refused with one line at its place.
 */
class OpenSloReaderTest {

  private static final String FILE = "src/main/sre/checkout.openslo.yaml";

  private static OpenSloSpec read(String yaml) {
    return OpenSloReader.read(SpecYaml.read(yaml.getBytes(StandardCharsets.UTF_8), FILE));
  }

  private static String problem(String yaml) {
    SpecException e = assertThrows(SpecException.class, () -> read(yaml));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  /** An SLO with everything inline, then the same one referencing its SLI, policy, condition and source. */
  private static final String INLINE = """
      apiVersion: openslo/v1
      kind: Service
      metadata:
        name: checkout
      spec:
        description: Takes the basket to a paid order.
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: availability
        displayName: Checkout availability
      spec:
        service: checkout
        indicator:
          metadata:
            name: checkout-errors
          spec:
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
        timeWindow:
          - duration: 4w
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - displayName: Few server errors
            target: 0.999
        alertPolicies:
          - kind: AlertPolicy
            metadata:
              name: fast-burn
            spec:
              alertWhenBreaching: true
              conditions:
                - kind: AlertCondition
                  metadata:
                    name: fast-burn-1h
                  spec:
                    severity: page
                    condition:
                      kind: burnrate
                      op: gt
                      threshold: 14.4
                      lookbackWindow: 1h
                      alertAfter: 2m
              notificationTargets:
                - targetRef: payments-pager
      """;

  @Test
  void anInlineSloReadsWithItsIndicatorAndBurnRateCondition() {
    OpenSloSpec spec = read(INLINE);
    assertEquals(1, spec.slos().size());
    OpenSloSpec.OpenSloObjective slo = spec.slos().get(0);
    assertEquals("availability", slo.name());
    assertEquals("checkout", slo.service());
    assertEquals(Duration.ofDays(28), slo.window());
    assertEquals(0, new BigDecimal("99.9").compareTo(slo.targetPercent()));
    OpenSloSpec.Indicator.Ratio ratio = assertInstanceOf(OpenSloSpec.Indicator.Ratio.class, slo.indicator());
    assertEquals("http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\"}", ratio.bad());
    assertEquals(1, slo.alerts().size());
    assertEquals(List.of("fast-burn-1h", "page", "gt", new BigDecimal("14.4"), Duration.ofHours(1),
        Duration.ofMinutes(2)), fields(slo.alerts().get(0)));
    assertEquals(null, slo.alerts().get(0).alertName());
    assertEquals(45, slo.alerts().get(0).at().line());
    assertTrue(slo.alertPoliciesGiven());
    assertEquals(java.util.Map.of("checkout", "Takes the basket to a paid order."), spec.serviceDescriptions());
    assertEquals(List.of(8, 1), List.of(slo.at().line(), slo.at().column()));
  }

  @Test
  void referencesResolveAcrossDocumentsAndListsOfObjects() {
    OpenSloSpec spec = read("""
        - apiVersion: openslo/v1
          kind: DataSource
          metadata:
            name: prometheus
          spec:
            type: Prometheus
            connectionDetails:
              url: http://prometheus:9090
        - apiVersion: openslo/v1
          kind: SLI
          metadata:
            name: checkout-success
          spec:
            ratioMetric:
              counter: true
              good:
                metricSource:
                  metricSourceRef: prometheus
                  spec:
                    query: http_server_requests_seconds_count{job="checkout", outcome="SUCCESS"}
              total:
                metricSource:
                  metricSourceRef: prometheus
                  spec:
                    query: http_server_requests_seconds_count{job="checkout"}
        - apiVersion: openslo/v1
          kind: AlertCondition
          metadata:
            name: slow-burn-1d
          spec:
            severity: ticket
            condition:
              op: gte
              threshold: 3
              lookbackWindow: 1d
        - apiVersion: openslo/v1
          kind: AlertPolicy
          metadata:
            name: slow-burn
          spec:
            conditions:
              - conditionRef: slow-burn-1d
            notificationTargets: []
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: success
        spec:
          service: checkout
          indicatorRef: checkout-success
          timeWindow:
            - duration: 30d
              isRolling: true
          budgetingMethod: Occurrences
          objectives:
            - targetPercent: 99.5
          alertPolicies:
            - alertPolicyRef: slow-burn
        """);
    OpenSloSpec.OpenSloObjective slo = spec.slos().get(0);
    OpenSloSpec.Indicator.Ratio ratio = (OpenSloSpec.Indicator.Ratio) slo.indicator();
    assertEquals("http_server_requests_seconds_count{job=\"checkout\", outcome=\"SUCCESS\"}", ratio.good());
    assertEquals(Duration.ofDays(30), slo.window());
    assertEquals(List.of("slow-burn-1d", "ticket", "gte", new BigDecimal("3"), Duration.ofDays(1), Duration.ZERO),
        fields(slo.alerts().get(0)));
  }

  /** What a condition says, without its places. */
  private static List<Object> fields(OpenSloSpec.BurnRateCondition c) {
    return List.of(c.name(), c.severity(), c.op(), c.threshold(), c.lookbackWindow(), c.alertAfter());
  }

  @Test
  void rawRatiosAndThresholdMetricsRead() {
    int from = INLINE.indexOf("      ratioMetric:\n");
    int to = INLINE.indexOf("  timeWindow:\n");
    OpenSloSpec raw = read(INLINE.substring(0, from) + """
              ratioMetric:
                rawType: failure
                raw:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: checkout:error_ratio
        """ + INLINE.substring(to));
    assertEquals(new OpenSloSpec.Indicator.PrecomputedRatio("checkout:error_ratio", true), raw.slos().get(0).indicator());
    OpenSloSpec threshold = read(INLINE.substring(0, from) + """
              thresholdMetric:
                metricSource:
                  type: Prometheus
                  spec:
                    query: service:http_server_requests_seconds:p99{service="checkout"}
        """ + INLINE.substring(to).replace("target: 0.999", "op: lt\n      value: 0.5\n      target: 0.99"));
    assertEquals(new OpenSloSpec.Indicator.Threshold("service:http_server_requests_seconds:p99{service=\"checkout\"}",
        "lt", new BigDecimal("0.5")), threshold.slos().get(0).indicator());
  }

  @Test
  void whatIsNotReadIsOneLineAtItsPlace() {
    assertEquals(FILE + ":8:13: apiVersion 'openslo/v1alpha' is not read; sre-dsl reads OpenSLO openslo/v1, so"
        + " convert the file to it", problem(INLINE.replace("apiVersion: openslo/v1\nkind: SLO",
            "apiVersion: openslo/v1alpha\nkind: SLO")));
    assertEquals(FILE + ":9:7: kind 'Slo' is no OpenSLO v1 kind; did you mean 'SLO'?",
        problem(INLINE.replace("kind: SLO\n", "kind: Slo\n")));
    assertEquals(FILE + ":34:20: budgetingMethod Timeslices is not supported: sre-dsl's SLOs count events"
        + " (Occurrences); time slices would need a different error budget",
        problem(INLINE.replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices")));
    assertEquals(FILE + ":34:20: budgetingMethod RatioTimeslices is not supported: sre-dsl's SLOs count events"
        + " (Occurrences); time slices would need a different error budget",
        problem(INLINE.replace("budgetingMethod: Occurrences", "budgetingMethod: RatioTimeslices")));
    assertEquals(FILE + ":33:7: calendar-aligned windows are not supported: sre-dsl's SLOs roll; give isRolling:"
        + " true and a duration such as 28d", problem(INLINE.replace("""
            - duration: 4w
              isRolling: true
        """, """
            - duration: 1M
              calendar:
                startTime: 2026-01-01 00:00:00
                timeZone: Europe/Berlin
        """)));
    assertEquals(FILE + ":32:17: duration '1M' has no fixed length (months, quarters and years differ); give it in"
        + " days or weeks, e.g. 30d", problem(INLINE.replace("duration: 4w", "duration: 1M")));
    assertEquals(FILE + ":23:13: data source type 'Datadog' is not read: sre-dsl generates Prometheus rules, so it"
        + " reads Prometheus queries only", problem(INLINE.replaceFirst("type: Prometheus", "type: Datadog")));
    assertEquals(FILE + ":36:5: an SLO needs exactly one objective here; several (a composite SLO, or several"
        + " thresholds) are not supported: declare one SLO per objective", problem(INLINE.replace("""
            - displayName: Few server errors
              target: 0.999
        """, """
            - target: 0.999
            - target: 0.99
        """)));
    assertEquals(FILE + ":36:7: an objective gives either target (e.g. 0.999) or targetPercent (e.g. 99.9), not"
        + " both", problem(INLINE.replace("target: 0.999", "target: 0.999\n      targetPercent: 99.9")));
    assertEquals(FILE + ":52:21: op 'lte' alerts while the burn rate is low; sre-dsl's burn-rate alerts fire when"
        + " it is high: use gt or gte", problem(INLINE.replace("op: gt", "op: lte")));
    assertEquals(FILE + ":51:23: condition kind 'threshold' is not read; sre-dsl's SLO alerts are burn-rate alerts"
        + " (kind: burnrate)", problem(INLINE.replace("kind: burnrate", "kind: threshold")));
    assertEquals(FILE + ":34:3: 'budgetMethod' is no field of an OpenSLO SLO; did you mean 'budgetingMethod'?",
        problem(INLINE.replace("budgetingMethod:", "budgetMethod:")));
    assertEquals(FILE + ":15:17: indicatorRef 'nowhere' names no SLI of the specs",
        problemOf(INLINE, "indicatorRef: nowhere"));
  }

  /** The SLO with its inline indicator replaced by a reference to an SLI that does not exist. */
  private static String problemOf(String yaml, String reference) {
    int start = yaml.indexOf("  indicator:\n");
    int end = yaml.indexOf("  timeWindow:\n");
    return problem(yaml.substring(0, start) + "  " + reference + "\n" + yaml.substring(end));
  }
}
