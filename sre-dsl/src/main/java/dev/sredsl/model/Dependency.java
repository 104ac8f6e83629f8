package dev.sredsl.model;

/**
 * Something the service cannot work without, and the signal that tells whether it is healthy.
 *
 * @param name lower-case letters, digits and dashes, unique among the service's dependencies
 * @param kind what sort of dependency it is
 * @param description what the service uses it for; {@code null} when not declared
 * @param health the health signal (from a preset, already narrowed to the service's series);
 *     {@code null} when not declared, which validation reports
 */
public record Dependency(String name, DependencyKind kind, String description, Signal health) {}
