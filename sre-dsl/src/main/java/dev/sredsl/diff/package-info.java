/**
 * {@code sre:diff}'s library: compares the generated output of two builds (a baseline folder or zip and
 * the current {@code target/sre}) in the definitions' own terms, and writes the monitoring plan a
 * pull-request reviewer reads: changes that reduce protection first, then per service the alerts and
 * where they are routed, SLOs and their error budgets, recording rules, dashboards by panel title,
 * runbooks, ownership and coverage. It reads files only, never the Maven model.
 *
 * <p>May depend on {@code snapshot}, {@code diff.routing}, {@code promql}, {@code generate},
 * {@code output} and {@code problem}.
 */
package dev.sredsl.diff;
