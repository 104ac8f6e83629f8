package dev.sredsl.model;

/** What a service depends on; decides the dependency's icon, wording and default panel. */
public enum DependencyKind {
  /** A database, usually watched through its connection pool. */
  DATABASE,
  /** A cache in front of slower storage. */
  CACHE,
  /** A message queue or log the service consumes or produces. */
  QUEUE,
  /** Another HTTP service the service calls. */
  HTTP;

  /**
   * The kind in lower case, as generated files show it.
   *
   * @return e.g. {@code database}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
