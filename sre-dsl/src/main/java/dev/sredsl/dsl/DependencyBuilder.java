package dev.sredsl.dsl;

import dev.sredsl.model.Dependency;
import dev.sredsl.model.DependencyKind;
import dev.sredsl.model.Signal;
import dev.sredsl.presets.SignalPreset;
import dev.sredsl.promql.LabelMatcher;
import java.util.List;

/**
 * Declares a dependency and its health signal:
 * {@code d -> d.database("orders-db").via(Hikari.pool("orders"))}.
 */
public final class DependencyBuilder {

  private String name;
  private DependencyKind kind;
  private String description;
  private SignalPreset health;

  DependencyBuilder() {}

  public DependencyBuilder database(String dependencyName) {
    return named(DependencyKind.DATABASE, dependencyName);
  }

  public DependencyBuilder cache(String dependencyName) {
    return named(DependencyKind.CACHE, dependencyName);
  }

  public DependencyBuilder queue(String dependencyName) {
    return named(DependencyKind.QUEUE, dependencyName);
  }

  /** Another HTTP service this one calls. */
  public DependencyBuilder http(String dependencyName) {
    return named(DependencyKind.HTTP, dependencyName);
  }

  public DependencyBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** The health signal, from a preset such as {@code Hikari.pool("orders")}. */
  public DependencyBuilder via(SignalPreset healthPreset) {
    this.health = healthPreset;
    return this;
  }

  /** The health signal, written by hand. */
  public DependencyBuilder health(Signal signal) {
    this.health = signal == null ? null : SignalPreset.of(signal);
    return this;
  }

  private DependencyBuilder named(DependencyKind dependencyKind, String dependencyName) {
    this.kind = dependencyKind;
    this.name = dependencyName;
    return this;
  }

  Dependency build(List<LabelMatcher> serviceSelector) {
    return new Dependency(name, kind, description, health == null ? null : health.bind(serviceSelector));
  }
}
