package dev.sredsl.generate.grafana;

/**
 * Hand-written dashboard JSON that is valid against Grafana's schema
 * ({@code dashboard.relaxed-any.jsonschema.json}, see {@code GrafanaSchemaTest}) and clean for
 * {@link DashboardLint}: a reference for the exact field shapes the schema accepts. Each part is a
 * separate constant so it can be read (and reused) on its own; {@link #CLEAN} puts them together.
 *
 * <p>Shapes to keep in mind: the schema sets {@code additionalProperties: false} almost everywhere, so
 * an unknown key fails; every datasource reference is {@code {"type": "prometheus", "uid":
 * "${datasource}"}}; PromQL double quotes are written {@code \\"} here because these are Java text
 * blocks holding JSON.
 */
final class SampleDashboards {

  private SampleDashboards() {}

  /** The templated Prometheus datasource every panel, target and annotation refers to. */
  static final String DATASOURCE = """
      {"type": "prometheus", "uid": "${datasource}"}""";

  /**
   * The datasource template variable (VariableModel): only {@code name} and {@code type} are required;
   * {@code query} is the datasource plugin id. {@code current} is left out: if present it needs both
   * {@code text} and {@code value}.
   */
  static final String DATASOURCE_VARIABLE = """
      {
        "name": "datasource",
        "label": "Data source",
        "type": "datasource",
        "query": "prometheus",
        "hide": 0,
        "refresh": 1,
        "regex": "",
        "includeAll": false,
        "multi": false,
        "options": []
      }""";

  /**
   * An annotation query on Prometheus (AnnotationQuery): {@code name}, {@code enable} and {@code iconColor}
   * are required; {@code expr}, {@code step}, {@code titleFormat}, {@code textFormat} and {@code tagKeys}
   * are top-level keys of the annotation (not inside {@code target}).
   */
  static final String DEPLOYMENT_ANNOTATION = """
      {
        "name": "Deployments",
        "enable": true,
        "hide": false,
        "iconColor": "blue",
        "datasource": %s,
        "expr": "changes(kube_deployment_status_observed_generation{deployment=\\"checkout\\"}[$__rate_interval]) > 0",
        "step": "1m",
        "titleFormat": "Deployment",
        "textFormat": "{{deployment}} rolled out",
        "tagKeys": "deployment"
      }""".formatted(DATASOURCE);

  /**
   * A dashboard link to an external page (DashboardLink): all of {@code title, type, icon, tooltip, tags,
   * asDropdown, targetBlank, includeVars, keepTime} are required, even for type {@code link}; {@code url}
   * is optional in the schema but what a link is for.
   */
  static final String RUNBOOK_LINK = """
      {
        "title": "Runbook",
        "type": "link",
        "url": "https://runbooks.example.com/checkout.md",
        "icon": "doc",
        "tooltip": "What to do when this dashboard looks wrong",
        "tags": [],
        "asDropdown": false,
        "targetBlank": true,
        "includeVars": false,
        "keepTime": false
      }""";

  /**
   * An expanded row (RowPanel): {@code type, collapsed, id, panels} are required. Expanded, its panels
   * follow it at the top level and {@code panels} is empty; collapsed, they sit inside {@code panels}.
   * Rows take the full width and height 1.
   */
  static final String ROW = """
      {
        "type": "row",
        "id": 1,
        "title": "Golden signals",
        "collapsed": false,
        "gridPos": {"h": 1, "w": 24, "x": 0, "y": 0},
        "panels": []
      }""";

  /**
   * A Prometheus panel target (prometheus.jsonschema.json, Dataquery): only {@code expr} is required;
   * {@code editorMode} is "code" or "builder", {@code format} "time_series", "table" or "heatmap".
   */
  static final String TRAFFIC_TARGET = """
      {
        "refId": "A",
        "datasource": %s,
        "expr": "sum by (uri) (rate(http_server_requests_seconds_count{service=\\"checkout\\"}[$__rate_interval]))",
        "legendFormat": "{{uri}}",
        "editorMode": "code",
        "range": true
      }""".formatted(DATASOURCE);

  /**
   * A timeseries panel (Panel): only {@code type} is required by the schema, the rest by the lint.
   * {@code fieldConfig} needs both {@code defaults} and {@code overrides}; {@code options} and
   * {@code fieldConfig.defaults.custom} are free-form for the dashboard schema and checked against
   * timeseries.jsonschema.json ({@code Options}: {@code legend} and {@code tooltip} required).
   */
  static final String TIMESERIES_PANEL = """
      {
        "type": "timeseries",
        "id": 2,
        "title": "Traffic",
        "description": "Requests per second served by checkout, by URI.",
        "datasource": %s,
        "gridPos": {"h": 8, "w": 12, "x": 0, "y": 1},
        "fieldConfig": {
          "defaults": {
            "unit": "reqps",
            "min": 0,
            "custom": {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never"}
          },
          "overrides": []
        },
        "options": {
          "legend": {"displayMode": "list", "placement": "bottom", "showLegend": true, "calcs": []},
          "tooltip": {"mode": "multi", "sort": "desc"}
        },
        "targets": [%s]
      }""".formatted(DATASOURCE, TRAFFIC_TARGET);

  /**
   * A stat panel with thresholds: {@code thresholds} needs {@code mode} ("absolute" or "percentage")
   * and {@code steps}; each step needs {@code value} and {@code color}, the first step's value is
   * {@code null} (minus infinity). {@code options} follows stat.jsonschema.json ({@code Options}: all of
   * graphMode, colorMode, justifyMode, textMode, wideLayout, showPercentChange, reduceOptions,
   * percentChangeColorMode, orientation are required). The recording rule (name with ':') needs no
   * {@code $__rate_interval}.
   */
  static final String AVAILABILITY_STAT_PANEL = """
      {
        "type": "stat",
        "id": 3,
        "title": "Availability (30d)",
        "description": "Share of successful requests over the SLO window of 30 days; green at or above the objective of 99.9 percent.",
        "datasource": %s,
        "gridPos": {"h": 8, "w": 12, "x": 12, "y": 1},
        "fieldConfig": {
          "defaults": {
            "unit": "percentunit",
            "decimals": 3,
            "color": {"mode": "thresholds"},
            "thresholds": {
              "mode": "absolute",
              "steps": [
                {"value": null, "color": "red"},
                {"value": 0.999, "color": "green"}
              ]
            }
          },
          "overrides": []
        },
        "options": {
          "graphMode": "none",
          "colorMode": "value",
          "justifyMode": "auto",
          "textMode": "auto",
          "wideLayout": true,
          "showPercentChange": false,
          "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": false},
          "percentChangeColorMode": "standard",
          "orientation": "auto"
        },
        "targets": [
          {
            "refId": "A",
            "datasource": %s,
            "expr": "1 - slo:sli_error:ratio_rate30d{service=\\"checkout\\"}",
            "instant": true,
            "editorMode": "code"
          }
        ]
      }""".formatted(DATASOURCE, DATASOURCE);

  /**
   * The dashboard (Dashboard): {@code schemaVersion}, {@code templating} and {@code annotations} are
   * required ({@code annotations: {"list": []}} even when there are none); {@code time} needs both
   * {@code from} and {@code to}; {@code editable} false for the lint; {@code graphTooltip} 0, 1 or 2.
   */
  static final String CLEAN = """
      {
        "uid": "checkout-overview",
        "title": "checkout",
        "description": "Golden signals and SLOs of checkout.",
        "tags": ["sre-dsl", "checkout"],
        "timezone": "browser",
        "editable": false,
        "graphTooltip": 1,
        "time": {"from": "now-6h", "to": "now"},
        "refresh": "1m",
        "schemaVersion": 39,
        "version": 1,
        "links": [%s],
        "templating": {"list": [%s]},
        "annotations": {"list": [%s]},
        "panels": [%s, %s, %s]
      }
      """.formatted(RUNBOOK_LINK, DATASOURCE_VARIABLE, DEPLOYMENT_ANNOTATION, ROW, TIMESERIES_PANEL,
      AVAILABILITY_STAT_PANEL);
}
