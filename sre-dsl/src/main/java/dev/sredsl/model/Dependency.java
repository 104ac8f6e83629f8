package dev.sredsl.model;

/**
 * Something the service cannot work without, and the signal that tells whether it is healthy.
 *
 * @param health {@code null} when not declared; validation reports it
 */
public record Dependency(String name, DependencyKind kind, String description, Signal health) {}
