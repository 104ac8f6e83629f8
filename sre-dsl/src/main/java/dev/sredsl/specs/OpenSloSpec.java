package dev.sredsl.specs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The SLOs of OpenSLO {@code openslo/v1} files as read: each SLO with its indicator and alert
 * conditions resolved from references, checked for what sre-dsl reads and nothing more. What an SLO
 * says is kept with the place it is written.
 *
 * @param slos the SLOs, in the files' order
 * @param serviceDescriptions the {@code spec.description} of each {@code Service} object that has one,
 *     by the service's name
 */
public record OpenSloSpec(List<OpenSloObjective> slos, Map<String, String> serviceDescriptions) {

  public OpenSloSpec {
    slos = List.copyOf(slos);
    serviceDescriptions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(serviceDescriptions));
  }

  /**
   * One SLO.
   *
   * @param name its {@code metadata.name}
   * @param service the service it is of ({@code spec.service})
   * @param description what it means, or {@code null}
   * @param indicator how it is measured
   * @param window the rolling window
   * @param targetPercent the objective in percent ({@code target} times 100, or {@code targetPercent})
   * @param alerts its burn-rate alert conditions
   * @param alertPoliciesGiven whether the SLO has {@code alertPolicies}, even an empty list: its
   *     alerting is declared, not left to the reader's defaults
   * @param queryTemplates sre-dsl's own query templates the indicator's metadata annotations carry
   *     ({@value #TEMPLATE_ANNOTATION_PREFIX}{@code good}, {@code bad}, {@code total} or
   *     {@code error-ratio}), by that last part; empty for indicators written by hand
   * @param at where the SLO is written
   */
  public record OpenSloObjective(String name, String service, String description, Indicator indicator,
      Duration window, BigDecimal targetPercent, List<BurnRateCondition> alerts, boolean alertPoliciesGiven,
      Map<String, String> queryTemplates, YamlNode at) {

    public OpenSloObjective {
      alerts = List.copyOf(alerts);
      queryTemplates = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(queryTemplates));
    }
  }

  /**
   * The start of the annotation keys under which sre-dsl keeps a query template that no OpenSLO query
   * form gives back exactly: {@value}, followed by the count's role.
   */
  public static final String TEMPLATE_ANNOTATION_PREFIX = "sre-dsl.dev/query-template-";

  /** How an SLO is measured, with Prometheus queries. */
  public sealed interface Indicator {

    /**
     * Good or bad events over all events ({@code ratioMetric} with good or bad, and total).
     *
     * @param counter whether the queries give counters (the rate is taken) or values
     * @param good the good events' query, or {@code null}
     * @param bad the bad events' query, or {@code null}
     * @param total all events' query
     */
    record Ratio(boolean counter, String good, String bad, String total) implements Indicator {}

    /**
     * A precomputed ratio ({@code ratioMetric.raw}).
     *
     * @param query the ratio's query
     * @param ofFailures whether it is the ratio of failures ({@code rawType: failure}) or of successes
     */
    record PrecomputedRatio(String query, boolean ofFailures) implements Indicator {}

    /**
     * A value compared with the objective's {@code op} and {@code value} ({@code thresholdMetric}).
     *
     * @param query the value's query
     * @param op {@code lt}, {@code lte}, {@code gt} or {@code gte}: how a good value compares
     * @param value the threshold
     */
    record Threshold(String query, String op, BigDecimal value) implements Indicator {}
  }

  /**
   * An alert condition of kind {@code burnrate}.
   *
   * @param name the condition's name
   * @param severity its severity, as written (e.g. {@code page})
   * @param op how the burn rate compares with the threshold
   * @param threshold the burn rate
   * @param lookbackWindow the window the burn rate is measured over
   * @param alertAfter how long the condition must hold before it alerts; zero when not given
   * @param alertName the {@code metadata.displayName} of the alert policy that holds the condition, with
   *     its place, or {@code null} when the policy has none
   * @param at the {@code AlertCondition} object, inline or referenced, for messages about its fields
   */
  public record BurnRateCondition(String name, String severity, String op, BigDecimal threshold,
      Duration lookbackWindow, Duration alertAfter, YamlNode.Scalar alertName, YamlNode.Mapping at) {}
}
