package dev.sredsl.generate.prometheus;

import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Naming;
import dev.sredsl.model.Alert;
import dev.sredsl.model.Service;
import java.util.Map;
import java.util.TreeMap;

/** The alerting rules declared in the DSL, with the labels Alertmanager routes on and their links. */
final class Alerts {

  private Alerts() {}

  static Rule of(Service service, Alert alert, Map<String, String> serviceLabels, GenerationSettings settings) {
    Map<String, String> labels = new TreeMap<>(alert.labels());
    labels.putAll(serviceLabels);
    labels.put(GeneratedLabels.SEVERITY, alert.severity().label());
    Map<String, String> annotations = new TreeMap<>();
    if (alert.summary() != null) {
      annotations.put("summary", alert.summary());
    }
    if (alert.description() != null) {
      annotations.put("description", alert.description());
    }
    links(annotations, settings, service, alert.name());
    return Rule.alerting(alert.name(), ConditionExpressions.of(service, alert.condition()), alert.forDuration(),
        labels, annotations).keepingFiringFor(alert.keepFiringFor());
  }

  /** {@code runbook_url} and {@code dashboard_url}, where their base URLs are configured. */
  static void links(Map<String, String> annotations, GenerationSettings settings, Service service, String alertName) {
    String runbook = Naming.runbookUrl(settings, service, alertName);
    if (runbook != null) {
      annotations.put("runbook_url", runbook);
    }
    String dashboard = Naming.dashboardUrl(settings, service);
    if (dashboard != null) {
      annotations.put("dashboard_url", dashboard);
    }
  }
}
