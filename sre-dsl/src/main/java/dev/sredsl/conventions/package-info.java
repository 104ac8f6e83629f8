/**
 * Facts the generated output follows that validation must know too: the burn-rate windows and factors
 * of SLO alerts, the names of the alerts generated for an SLO, and the labels generated rules set.
 * Kept here, once, so that what validation accepts and what the generators write cannot drift apart.
 *
 * <p>May depend on {@code model} and {@code promql} only.
 */
package dev.sredsl.conventions;
