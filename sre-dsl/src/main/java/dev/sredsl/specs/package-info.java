/**
 * SLO specs written in YAML beside the Java definitions ({@code src/main/sre/}), read at build time:
 * the safe reading of a YAML file into nodes that know their line and column, with limits on size,
 * aliases and nesting, refused duplicate keys, and unknown fields named with the closest known one.
 * Every problem is a {@link dev.sredsl.specs.SpecException}: one line, {@code file:line:column: what
 * and the fix}.
 *
 * <p>May depend on {@code model}, {@code promql} and {@code problem}.
 */
package dev.sredsl.specs;
