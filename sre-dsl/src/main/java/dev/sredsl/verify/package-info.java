/**
 * The generated monitoring checked against a live Prometheus (or any server with its HTTP API), and
 * every alert backtested on the server's history: {@code HttpPrometheusApi} (timeouts, bounded
 * concurrency, retries, one clear line per failure, credentials never shown), {@code RuleFiles} and
 * {@code RecordingInliner} (rules read back, recordings replaced by what records them),
 * {@code SelectorCheck} and {@code WindowCheck}, {@code Backtest} and {@code AlertStates} (Prometheus'
 * pending, firing and {@code keep_firing_for} replayed), {@code Verification} (the run and its gate)
 * and {@code VerifyReports}.
 *
 * <p>May depend on {@code promql}, {@code output}, {@code generate} (its JSON writer and number format)
 * and {@code problem}; it knows nothing of the model, so it can verify any build's rule files.
 */
package dev.sredsl.verify;
