package dev.sredsl.generate.runbook;

import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Naming;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator.GeneratedAlert;
import dev.sredsl.model.Alert;
import dev.sredsl.model.Dependency;
import dev.sredsl.model.Link;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloKind;
import dev.sredsl.model.Step;
import dev.sredsl.promql.PromDuration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data model runbook templates receive: plain maps, lists, strings and booleans (documented in
 * the README), so that templates can read everything and call nothing.
 */
final class RunbookModel {

  private RunbookModel() {}

  static Map<String, Object> of(Service service, GenerationSettings settings) {
    return of(service, settings, PrometheusRulesGenerator.alerts(service, settings));
  }

  /** @param generatedAlerts the service's alerting rules, as {@link PrometheusRulesGenerator#alerts} gives them */
  static Map<String, Object> of(Service service, GenerationSettings settings, List<GeneratedAlert> generatedAlerts) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("service", service(service, settings));
    model.put("slos", service.slos().stream().map(RunbookModel::slo).toList());
    model.put("dependencies", service.dependencies().stream().map(RunbookModel::dependency).toList());
    List<Object> alerts = new ArrayList<>();
    for (GeneratedAlert generated : generatedAlerts) {
      Alert declared = service.alerts().stream().filter(a -> a.name().equals(generated.name())).findFirst().orElse(null);
      alerts.add(alert(service, generated, declared, settings));
    }
    model.put("alerts", alerts);
    return model;
  }

  static Map<String, Object> service(Service service, GenerationSettings settings) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", service.name());
    s.put("file", Naming.runbookFile(service));
    s.put("description", text(service.description()));
    s.put("tier", service.tier() == null ? "" : service.tier().label());
    s.put("team", text(service.owner().team()));
    s.put("onCall", text(service.owner().onCall()));
    s.put("escalation", text(service.owner().escalation()));
    s.put("chat", text(service.owner().chat()));
    s.put("workingHours", service.owner().workingHours() == null ? "" : service.owner().workingHours().summary());
    s.put("dashboardUrl", text(Naming.dashboardUrl(settings, service)));
    String grafana = settings.grafanaBaseUrl() == null ? "" : settings.grafanaBaseUrl();
    s.put("alertsUrl", grafana + "/alerting/list?search=label%3Aservice%3D" + service.name());
    return s;
  }

  private static Map<String, Object> slo(Slo slo) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", slo.name());
    s.put("objective", percent(slo.objectivePercent()));
    s.put("period", PromDuration.format(slo.period()));
    s.put("budget", BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(slo.objectivePercent()))
        .stripTrailingZeros().toPlainString() + "%");
    s.put("burnsBudget", switch (slo.kind()) {
      case AVAILABILITY -> "requests that fail on the server side";
      case LATENCY -> "requests slower than " + PromDuration.format(slo.latencyThreshold());
      case EVENTS -> slo.events().isRatio() ? "the error ratio given by " + slo.events().errorRatio().describe()
          : slo.events().bad() != null ? "events counted by " + slo.events().bad().describe()
          : "events of " + slo.events().total().describe() + " not counted by " + slo.events().good().describe();
    });
    s.put("description", text(slo.description()));
    return s;
  }

  private static Map<String, Object> dependency(Dependency d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("kind", d.kind().label());
    m.put("description", text(d.description()));
    m.put("health", d.health() == null || d.health().description() == null ? "" : d.health().description());
    return m;
  }

  private static Map<String, Object> alert(Service service, GeneratedAlert generated, Alert declared,
      GenerationSettings settings) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", generated.name());
    a.put("anchor", Naming.runbookAnchor(generated.name()));
    String severity = generated.labels().getOrDefault(GeneratedLabels.SEVERITY, "");
    a.put("severity", severity);
    a.put("pages", severity.equals("critical"));
    a.put("summary", text(generated.annotations().get("summary")));
    a.put("description", text(generated.annotations().get("description")));
    a.put("for", generated.forDuration() == null ? "" : PromDuration.format(generated.forDuration()));
    a.put("keepFiringFor", generated.keepFiringFor() == null ? "" : PromDuration.format(generated.keepFiringFor()));
    a.put("expression", generated.expression());
    a.put("fence", fence(generated.expression()));
    a.put("generated", declared == null);
    Runbook runbook = declared != null ? declared.runbook() : GeneratedAlertRunbooks.of(service, generated, settings);
    a.put("hasRunbook", runbook != null);
    a.put("symptoms", runbook == null ? List.of() : runbook.symptoms());
    a.put("diagnosis", runbook == null ? List.of() : runbook.diagnosis());
    List<Object> steps = new ArrayList<>();
    if (runbook != null) {
      // Safe steps first: the person paged tries what cannot make things worse before what can.
      runbook.mitigations().stream().filter(st -> !st.isRisky()).forEach(st -> steps.add(step(st)));
      runbook.mitigations().stream().filter(Step::isRisky).forEach(st -> steps.add(step(st)));
    }
    a.put("mitigations", steps);
    a.put("escalation", runbook == null ? List.of() : runbook.escalation());
    List<Object> links = new ArrayList<>();
    if (runbook != null) {
      for (Link link : runbook.links()) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("title", link.title());
        l.put("url", link.url());
        links.add(l);
      }
    }
    a.put("links", links);
    return a;
  }

  private static Map<String, Object> step(Step step) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("action", step.action());
    s.put("risky", step.isRisky());
    s.put("risk", step.isRisky() ? step.risk() : "");
    return s;
  }

  /** A code fence longer than any run of backticks in the code, so the code cannot close it. */
  static String fence(String code) {
    return dev.sredsl.generate.MarkdownTables.codeFence(code);
  }

  private static String percent(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
