package dev.sredsl.model;

/** What a service depends on; decides the dependency's icon, wording and default panel. */
public enum DependencyKind {
  DATABASE,
  CACHE,
  QUEUE,
  HTTP;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
