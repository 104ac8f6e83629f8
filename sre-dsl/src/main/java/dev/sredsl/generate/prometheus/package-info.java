/**
 * Prometheus rule files and {@code PrometheusRule} objects (recording rules for the golden signals and
 * the SLO windows, threshold and multi-window burn-rate alerts), and promtool unit tests that prove
 * every alert fires when it should and stays silent when it should.
 *
 * <p>May depend on {@code generate}, {@code model}, {@code promql}, {@code conventions} and
 * {@code output}.
 */
package dev.sredsl.generate.prometheus;
