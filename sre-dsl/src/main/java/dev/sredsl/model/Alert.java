package dev.sredsl.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alerting rule and the runbook behind it.
 *
 * @param name CamelCase, unique within the service
 * @param condition when the alert is active; {@code null} when not declared
 * @param forDuration how long the condition must hold before the alert fires; {@code null} when not
 *     declared (the rule then has no {@code for})
 * @param keepFiringFor how long the alert keeps firing after the condition stops holding (the rule's
 *     {@code keep_firing_for}, Prometheus 2.42 and later); {@code null} when not declared, and the alert
 *     then resolves at the first evaluation that finds the condition false
 * @param severity who is interrupted; {@code null} when not declared
 * @param summary the {@code summary} annotation; {@code null} when not declared
 * @param description the {@code description} annotation; {@code null} when not declared
 * @param labels extra labels, sorted by name; unmodifiable
 * @param runbook {@code null} when none is declared
 * @param waivers coverage waivers that apply to this alert only
 */
public record Alert(
    String name,
    Condition condition,
    Duration forDuration,
    Duration keepFiringFor,
    Severity severity,
    String summary,
    String description,
    Map<String, String> labels,
    Runbook runbook,
    List<Waiver> waivers) {

  public Alert {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    waivers = List.copyOf(waivers);
  }
}
