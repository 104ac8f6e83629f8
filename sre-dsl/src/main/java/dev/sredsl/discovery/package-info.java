/**
 * Finds and runs a project's definitions: every {@code SreDefinitions} implementation among its
 * compiled classes or registered as a service provider, loaded in a class loader of their own; what
 * goes wrong (a class that cannot be made, a definition that throws) becomes problems, not exceptions.
 *
 * <p>May depend on {@code dsl}, {@code model} and {@code problem}.
 */
package dev.sredsl.discovery;
