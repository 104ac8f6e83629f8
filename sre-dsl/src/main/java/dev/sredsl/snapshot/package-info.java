/**
 * What the build saw of each service, written beside the generated files as
 * {@code snapshot/<service>.json}: ownership, tier, the SLOs, the declared alerts with their typed
 * conditions and runbooks, acknowledged risks and the coverage counters. The generated files show what
 * Prometheus, Grafana and Alertmanager get; the snapshot keeps what those files lose (a threshold as
 * declared, a runbook's steps), so that {@code sre:diff} can compare two builds in the definitions'
 * own terms. Its format is versioned ({@link dev.sredsl.snapshot.SnapshotFormat}).
 *
 * <p>May depend on {@code model}, {@code promql}, {@code conventions}, {@code coverage}, {@code generate}
 * and {@code output}.
 */
package dev.sredsl.snapshot;
