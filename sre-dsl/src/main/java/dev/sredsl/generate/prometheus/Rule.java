package dev.sredsl.generate.prometheus;

import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One recording or alerting rule, as the rule file holds it.
 *
 * @param record the recorded series' name, or {@code null} for an alerting rule
 * @param alert the alert's name, or {@code null} for a recording rule
 * @param forDuration {@code null} when the alert fires at once
 * @param keepFiringFor {@code null} when the alert resolves as soon as its expression is empty
 */
record Rule(String record, String alert, Expr expr, Duration forDuration, Duration keepFiringFor,
    SortedMap<String, String> labels, SortedMap<String, String> annotations) {

  static Rule recording(String name, Expr expr, Map<String, String> labels) {
    return new Rule(name, null, expr, null, null, new TreeMap<>(labels), new TreeMap<>());
  }

  static Rule alerting(String name, Expr expr, Duration forDuration, Map<String, String> labels,
      Map<String, String> annotations) {
    return new Rule(null, name, expr, forDuration, null, new TreeMap<>(labels), new TreeMap<>(annotations));
  }

  /** The same alerting rule, firing on for {@code hold} after its expression turns empty. */
  Rule keepingFiringFor(Duration hold) {
    return new Rule(record, alert, expr, forDuration, hold, labels, annotations);
  }

  /** The rule as YAML tree, keys in the order of Prometheus' documentation. */
  Map<String, Object> toYaml() {
    Map<String, Object> yaml = new LinkedHashMap<>();
    if (record != null) {
      yaml.put("record", record);
    } else {
      yaml.put("alert", alert);
    }
    yaml.put("expr", expr.toString());
    if (forDuration != null) {
      yaml.put("for", PromDuration.format(forDuration));
    }
    if (keepFiringFor != null) {
      yaml.put("keep_firing_for", PromDuration.format(keepFiringFor));
    }
    if (!labels.isEmpty()) {
      yaml.put("labels", labels);
    }
    if (!annotations.isEmpty()) {
      yaml.put("annotations", annotations);
    }
    return yaml;
  }
}
