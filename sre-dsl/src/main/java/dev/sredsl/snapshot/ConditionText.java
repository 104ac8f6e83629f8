package dev.sredsl.snapshot;

import dev.sredsl.generate.Numbers;
import dev.sredsl.model.Comparison;
import dev.sredsl.model.Condition;
import dev.sredsl.promql.PromDuration;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A typed condition as the snapshot keeps it: its kind, direction, threshold and window as numbers a
 * comparison can order, and a phrase a reviewer reads ("error ratio above 5% over 5m").
 */
final class ConditionText {

  private ConditionText() {}

  static Map<String, Object> of(Condition condition) {
    Map<String, Object> node = new LinkedHashMap<>();
    if (condition instanceof Condition.ErrorRatio c) {
      node.put("kind", "errorRatio");
      node.put("comparison", direction(c.comparison()));
      node.put("threshold", c.threshold());
      node.put("window", PromDuration.format(c.window()));
      node.put("text", "error ratio " + direction(c.comparison()) + " " + percent(c.threshold()) + " over "
          + PromDuration.format(c.window()));
    } else if (condition instanceof Condition.LatencyQuantile c) {
      node.put("kind", "latency");
      node.put("comparison", direction(c.comparison()));
      node.put("threshold", c.threshold().toNanos() / 1e9);
      node.put("window", PromDuration.format(c.window()));
      node.put("quantile", c.quantile());
      node.put("text", "p" + Numbers.format(c.quantile() * 100) + " latency " + direction(c.comparison()) + " "
          + PromDuration.format(c.threshold()) + " over " + PromDuration.format(c.window()));
    } else if (condition instanceof Condition.Traffic c) {
      node.put("kind", "traffic");
      node.put("comparison", direction(c.comparison()));
      node.put("threshold", c.requestsPerSecond());
      node.put("window", PromDuration.format(c.window()));
      node.put("text", "traffic " + direction(c.comparison()) + " " + Numbers.format(c.requestsPerSecond())
          + " requests/s over " + PromDuration.format(c.window()));
    } else if (condition instanceof Condition.SignalThreshold c) {
      node.put("kind", "signal");
      node.put("signal", c.signal());
      node.put("comparison", direction(c.comparison()));
      node.put("threshold", c.threshold());
      node.put("text", c.signal() + " " + direction(c.comparison()) + " " + Numbers.format(c.threshold()));
    } else if (condition instanceof Condition.Raw c) {
      node.put("kind", "promql");
      node.put("text", "PromQL");
    }
    return node;
  }

  private static String direction(Comparison comparison) {
    return comparison.name().toLowerCase(Locale.ROOT);
  }

  /** A ratio as a percentage with no more digits than it has: 0.05 is 5%, 0.0025 is 0.25%. */
  static String percent(double ratio) {
    return new BigDecimal(Double.toString(ratio)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
