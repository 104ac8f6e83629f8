/**
 * The service's SLOs written as OpenSLO v1 ({@code openslo/<service>.yaml}), for the tools that read
 * that format: the service, an SLI and an SLO for each of its SLOs, and the burn-rate alerts as alert
 * policies. Written so that sre-dsl's own OpenSLO reader gives the same SLOs back.
 *
 * <p>May depend on {@code generate}, {@code model}, {@code promql}, {@code conventions} and
 * {@code output}.
 */
package dev.sredsl.generate.openslo;
