/**
 * Grafana dashboards (the classic JSON model, and {@code GrafanaDashboard} objects for grafana-operator),
 * the file-provider provisioning, and the dashboard lint that runs in the validation stage.
 *
 * <p>May depend on {@code generate}, {@code model}, {@code promql}, {@code conventions} and
 * {@code output}.
 */
package dev.sredsl.generate.grafana;
