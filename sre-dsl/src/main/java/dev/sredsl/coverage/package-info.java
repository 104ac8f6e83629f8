/**
 * The coverage gate: counters of what the definitions cover (runbooks, golden signals, dependencies,
 * SLOs, ownership, alert hygiene), waivers, rules configured as {@code jacoco:check}'s (read from words
 * by {@code CoverageRules}, percentages included), the baseline ratchet, and the reports:
 * {@code sre-coverage.json}, and the tables that {@code sre-coverage.md} and the site page render.
 *
 * <p>May depend on {@code model}, {@code output}, {@code generate} (its JSON writer) and
 * {@code problem}.
 */
package dev.sredsl.coverage;
