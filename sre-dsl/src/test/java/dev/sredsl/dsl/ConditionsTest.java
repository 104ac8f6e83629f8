package dev.sredsl.dsl;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sredsl.model.Comparison;
import dev.sredsl.model.Condition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void errorRatioDefaultsToAFiveMinuteWindow() {
    assertEquals(new Condition.ErrorRatio(FIVE_MINUTES, Comparison.ABOVE, 0.05), errorRatio().above(0.05));
  }

  @Test
  void errorRatioTakesTheWindowAsPrometheusDurationOrDuration() {
    Condition expected = new Condition.ErrorRatio(Duration.ofMinutes(90), Comparison.ABOVE, 0.01);

    assertEquals(expected, errorRatio().over("1h30m").above(0.01));
    assertEquals(expected, errorRatio().over(Duration.ofMinutes(90)).above(0.01));
  }

  @Test
  void latencyKeepsQuantileWindowAndThreshold() {
    assertEquals(new Condition.LatencyQuantile(0.99, Duration.ofMinutes(10), Comparison.ABOVE, Duration.ofMillis(800)),
        latency(0.99).over("10m").above(Duration.ofMillis(800)));
    assertEquals(new Condition.LatencyQuantile(0.5, FIVE_MINUTES, Comparison.ABOVE, Duration.ofMillis(100)),
        latency(0.5).above(Duration.ofMillis(100)));
  }

  @Test
  void trafficComparesInBothDirections() {
    assertEquals(new Condition.Traffic(Duration.ofMinutes(10), Comparison.BELOW, 0.1), traffic().over("10m").below(0.1));
    assertEquals(new Condition.Traffic(FIVE_MINUTES, Comparison.ABOVE, 500.0), traffic().above(500));
  }

  @Test
  void signalRefersToADeclaredSignalByName() {
    assertEquals(new Condition.SignalThreshold("hikari-orders", Comparison.ABOVE, 0.9), signal("hikari-orders").above(0.9));
    assertEquals(new Condition.SignalThreshold("jvm-heap", Comparison.BELOW, 0.1), signal("jvm-heap").below(0.1));
  }

  @Test
  void promqlKeepsTheExpressionVerbatim() {
    assertEquals(new Condition.Raw("up{job=\"checkout\"} == 0"), promql("up{job=\"checkout\"} == 0"));
  }

  @Test
  void rejectsAWindowThatIsNotAPrometheusDuration() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> traffic().over("10 min"));

    assertEquals("'10 min' is not a Prometheus duration; write a number and a unit (ms, s, m, h, d, w, y), e.g. 5m"
        + " or 1h30m", e.getMessage());
  }

  @Test
  void comparisonsPrintAsPromqlOperators() {
    assertEquals(">", Comparison.ABOVE.operator());
    assertEquals("<", Comparison.BELOW.operator());
  }
}
