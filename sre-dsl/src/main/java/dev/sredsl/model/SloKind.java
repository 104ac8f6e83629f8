package dev.sredsl.model;

/** How an SLO counts good events. */
public enum SloKind {
  /** Requests that did not fail on the server, out of all requests. */
  AVAILABILITY,
  /** Requests answered within a latency threshold, out of all requests (from histogram buckets). */
  LATENCY;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
