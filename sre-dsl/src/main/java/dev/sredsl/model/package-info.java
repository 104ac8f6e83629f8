/**
 * The declared services as plain immutable records: {@code Service} and its ownership, request
 * metrics, signals, dependencies, SLOs, alerts with their conditions and runbooks, custom panels and
 * coverage waivers. The DSL builds them, validation checks them, and the generators are pure functions
 * of them. Instances may hold what validation has yet to reject (a {@code null} where a value is
 * required), so only a validated model is safe to generate from.
 *
 * <p>May depend on {@code promql} only.
 */
package dev.sredsl.model;
