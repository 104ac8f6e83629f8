package dev.sredsl.generate;

import dev.sredsl.model.SloWindowForm;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings that come from the build rather than from the definitions.
 *
 * @param runbookBaseUrl where the generated runbooks are published, e.g.
 *     {@code https://github.com/acme/checkout/blob/main/docs/runbooks}; {@code null} leaves the
 *     {@code runbook_url} annotation and the dashboard's runbook link out
 * @param grafanaBaseUrl the Grafana that serves the generated dashboards, e.g.
 *     {@code https://grafana.example.com}; {@code null} leaves the {@code dashboard_url} annotation out
 * @param prometheusRuleLabels metadata labels of the generated {@code PrometheusRule} objects, so that
 *     a Prometheus Operator {@code ruleSelector} can match them
 * @param grafanaDashboardsPath the folder Grafana's file provider reads the dashboards from
 * @param grafanaInstanceSelector the {@code matchLabels} of the {@code GrafanaDashboard} objects'
 *     {@code instanceSelector}
 * @param templatesDirectory the team's template folder, whose templates replace the defaults of the
 *     same name; {@code null} for the defaults only
 * @param alertmanager receiver names of the generated Alertmanager routes
 * @param sloWindowForm how the SLO windows are computed where an SLO does not choose;
 *     {@code null} for {@link SloWindowForm#RECORDED}
 */
public record GenerationSettings(
    String runbookBaseUrl,
    String grafanaBaseUrl,
    Map<String, String> prometheusRuleLabels,
    String grafanaDashboardsPath,
    Map<String, String> grafanaInstanceSelector,
    java.io.File templatesDirectory,
    dev.sredsl.generate.AlertmanagerSettings alertmanager,
    SloWindowForm sloWindowForm) {

  public static final String DEFAULT_DASHBOARDS_PATH = "/var/lib/grafana/dashboards/sre-dsl";
  public static final Map<String, String> DEFAULT_INSTANCE_SELECTOR = Map.of("dashboards", "grafana");
  public static final GenerationSettings DEFAULTS =
      new GenerationSettings(null, null, Map.of(), null, null, null, null, null);

  public GenerationSettings {
    runbookBaseUrl = baseUrl(runbookBaseUrl);
    grafanaBaseUrl = baseUrl(grafanaBaseUrl);
    prometheusRuleLabels = sorted(prometheusRuleLabels, Map.of());
    grafanaDashboardsPath = grafanaDashboardsPath == null || grafanaDashboardsPath.isBlank()
        ? DEFAULT_DASHBOARDS_PATH : grafanaDashboardsPath.strip();
    grafanaInstanceSelector = sorted(grafanaInstanceSelector, DEFAULT_INSTANCE_SELECTOR);
    alertmanager = alertmanager == null ? dev.sredsl.generate.AlertmanagerSettings.DEFAULTS : alertmanager;
    sloWindowForm = sloWindowForm == null ? SloWindowForm.RECORDED : sloWindowForm;
  }

  /** Settings with the build's default form of SLO windows. */
  public GenerationSettings(String runbookBaseUrl, String grafanaBaseUrl, Map<String, String> prometheusRuleLabels,
      String grafanaDashboardsPath, Map<String, String> grafanaInstanceSelector, java.io.File templatesDirectory,
      dev.sredsl.generate.AlertmanagerSettings alertmanager) {
    this(runbookBaseUrl, grafanaBaseUrl, prometheusRuleLabels, grafanaDashboardsPath, grafanaInstanceSelector,
        templatesDirectory, alertmanager, null);
  }

  /**
   * These settings with another default form of SLO windows.
   *
   * @param form the form of every SLO that does not choose its own
   * @return the changed settings; this instance is unchanged
   */
  public GenerationSettings withSloWindowForm(SloWindowForm form) {
    return new GenerationSettings(runbookBaseUrl, grafanaBaseUrl, prometheusRuleLabels, grafanaDashboardsPath,
        grafanaInstanceSelector, templatesDirectory, alertmanager, form);
  }

  /**
   * The form of the SLO's windows: its own choice, else these settings'.
   *
   * @param slo an SLO of the definitions
   * @return the form its rules are generated in
   */
  public SloWindowForm windowFormOf(dev.sredsl.model.Slo slo) {
    if (dev.sredsl.conventions.BurnRates.isRatio(slo)) {
      return SloWindowForm.RAW; // a ratio query has no rates to record and average
    }
    return slo.windowForm() != null ? slo.windowForm() : sloWindowForm;
  }

  /** Settings with the Prometheus-side values only. */
  public GenerationSettings(String runbookBaseUrl, String grafanaBaseUrl, Map<String, String> prometheusRuleLabels) {
    this(runbookBaseUrl, grafanaBaseUrl, prometheusRuleLabels, null, null, null, null);
  }

  /** Settings without a template folder. */
  public GenerationSettings(String runbookBaseUrl, String grafanaBaseUrl, Map<String, String> prometheusRuleLabels,
      String grafanaDashboardsPath, Map<String, String> grafanaInstanceSelector) {
    this(runbookBaseUrl, grafanaBaseUrl, prometheusRuleLabels, grafanaDashboardsPath, grafanaInstanceSelector, null,
        null);
  }

  /** Settings with only a runbook base URL. */
  public GenerationSettings(String runbookBaseUrl) {
    this(runbookBaseUrl, null, Map.of());
  }

  private static Map<String, String> sorted(Map<String, String> given, Map<String, String> fallback) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(given == null || given.isEmpty() ? fallback : given));
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
