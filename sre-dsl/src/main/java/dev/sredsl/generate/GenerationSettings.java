package dev.sredsl.generate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Settings that come from the build rather than from the definitions.
 *
 * @param runbookBaseUrl where the generated runbooks are published, e.g.
 *     {@code https://github.com/acme/checkout/blob/main/docs/runbooks}; {@code null} leaves the
 *     {@code runbook_url} annotation out
 * @param grafanaBaseUrl the Grafana that serves the generated dashboards, e.g.
 *     {@code https://grafana.example.com}; {@code null} leaves the {@code dashboard_url} annotation out
 * @param prometheusRuleLabels metadata labels of the generated {@code PrometheusRule} objects, so that
 *     a Prometheus Operator {@code ruleSelector} can match them
 */
public record GenerationSettings(String runbookBaseUrl, String grafanaBaseUrl, Map<String, String> prometheusRuleLabels) {

  public static final GenerationSettings DEFAULTS = new GenerationSettings(null, null, Map.of());

  public GenerationSettings {
    runbookBaseUrl = baseUrl(runbookBaseUrl);
    grafanaBaseUrl = baseUrl(grafanaBaseUrl);
    prometheusRuleLabels = java.util.Collections.unmodifiableMap(
        new TreeMap<>(prometheusRuleLabels == null ? Map.of() : prometheusRuleLabels));
  }

  /** Settings with only a runbook base URL. */
  public GenerationSettings(String runbookBaseUrl) {
    this(runbookBaseUrl, null, Map.of());
  }

  /** Trimmed, without trailing slashes; {@code null} when blank. */
  private static String baseUrl(String url) {
    if (url == null) {
      return null;
    }
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? null : trimmed;
  }
}
