/**
 * SLO specs written in YAML beside the Java definitions ({@code src/main/sre/}), read at build time:
 * the safe reading of a YAML file into nodes that know their line and column, with limits on size,
 * aliases and nesting, refused duplicate keys, and unknown fields named with the closest known one.
 * Every problem is a {@link dev.sredsl.specs.SpecException}: one line, {@code file:line:column: what
 * and the fix}. What the specs declare becomes model SLOs ({@link dev.sredsl.specs.ImportedSlos}), which
 * the pipeline adds to the services the Java definitions declare.
 *
 * <p>May depend on {@code model}, {@code promql}, {@code problem} and {@code conventions}.
 */
package dev.sredsl.specs;
