package dev.sredsl.specs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The SLOs of OpenSLO {@code openslo/v1} files as read: each SLO with its indicator and alert
 * conditions resolved from references, checked for what sre-dsl reads and nothing more. What an SLO
 * says is kept with the place it is written.
 *
 * @param slos the SLOs, in the files' order
 */
public record OpenSloSpec(List<OpenSloObjective> slos) {

  public OpenSloSpec {
    slos = List.copyOf(slos);
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
   * @param at where the SLO is written
   */
  public record OpenSloObjective(String name, String service, String description, Indicator indicator,
      Duration window, BigDecimal targetPercent, List<BurnRateCondition> alerts, YamlNode at) {

    public OpenSloObjective {
      alerts = List.copyOf(alerts);
    }
  }

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
   * @param alertAfter how long the condition must hold before it alerts
   */
  public record BurnRateCondition(String name, String severity, String op, BigDecimal threshold,
      Duration lookbackWindow, Duration alertAfter) {}
}
