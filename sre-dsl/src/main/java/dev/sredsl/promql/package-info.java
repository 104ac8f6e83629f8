/**
 * PromQL as typed, immutable trees: {@code PromQL} builds expressions that read like PromQL and parses
 * hand-written ones with the rules of Prometheus 2.42 (syntax, function signatures, argument types,
 * durations, label names, RE2 regexes), failing with a {@code PromQLException} that names the column.
 * Every tree prints as canonical PromQL, and parsing the printed text gives the same tree back;
 * {@code PromDuration} converts between Prometheus duration literals and {@code java.time.Duration}.
 *
 * <p>Depends on no other package of {@code dev.sredsl}.
 */
package dev.sredsl.promql;
