/**
 * What every generator shares: the build's settings ({@code GenerationSettings},
 * {@code AlertmanagerSettings}), names two generators must agree on ({@code Naming}, the recorded series
 * of {@code RecordedSeries}), and the deterministic JSON and YAML writers. One subpackage per target
 * turns the model into in-memory files; generators never read files but the templates, and never call
 * each other but through what is derived here (the runbook reads the Prometheus generator's alerts).
 *
 * <p>May depend on {@code model}, {@code promql}, {@code conventions} and {@code output}.
 */
package dev.sredsl.generate;
