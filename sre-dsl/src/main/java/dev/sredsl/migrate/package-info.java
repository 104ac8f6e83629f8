/**
 * Moving a team's monitoring into the DSL: the model of a service, as read from an SLO spec (Sloth,
 * OpenSLO), written back as a Java definitions class that the team owns from then on. The class uses
 * the DSL as a person writes it, and running it declares the same model.
 *
 * <p>May depend on {@code dsl}, {@code model} and {@code promql}.
 */
package dev.sredsl.migrate;
