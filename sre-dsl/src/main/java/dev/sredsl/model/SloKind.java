package dev.sredsl.model;

/** How an SLO counts good events. */
public enum SloKind {
  /** Requests that did not fail on the server, out of all requests. */
  AVAILABILITY,
  /** Requests answered within a latency threshold, out of all requests (from histogram buckets). */
  LATENCY;

  /**
   * The kind in lower case, also the default name of an SLO of this kind.
   *
   * @return {@code availability} or {@code latency}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
