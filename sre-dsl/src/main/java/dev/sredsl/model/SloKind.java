package dev.sredsl.model;

/** How an SLO counts good events. */
public enum SloKind {
  /** Requests that did not fail on the server, out of all requests. */
  AVAILABILITY,
  /** Requests answered within a latency threshold, out of all requests (from histogram buckets). */
  LATENCY,
  /** Events the team counts (a job's runs, a consumer's records): bad or good ones out of all. */
  EVENTS;

  /**
   * The kind in lower case, also the default name of an SLO of this kind.
   *
   * @return {@code availability}, {@code latency} or {@code events}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
