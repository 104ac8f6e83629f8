/**
 * Signals following the metric conventions of instrumentation libraries, so that a team names a
 * library instead of writing PromQL: request metrics ({@code Micrometer.httpServer()},
 * {@code OpenTelemetry.httpServer()}) and {@code SignalPreset}s for the JVM, HikariCP pools, executors,
 * Kafka consumers, HTTP clients and caches. A preset is bound to a service's selector when the service
 * is built, so each query reads only that service's series. Metric and label names are exactly those
 * the libraries emit.
 *
 * <p>May depend on {@code model} and {@code promql}.
 */
package dev.sredsl.presets;
