package dev.sredsl.model;

/** The four golden signals of the Google SRE book. */
public enum SignalKind {
  /** How long requests take. */
  LATENCY,
  /** How much demand the service receives, e.g. requests per second. */
  TRAFFIC,
  /** How often requests or calls fail. */
  ERRORS,
  /** How full a constrained resource is, e.g. heap, CPU, a pool or a queue. */
  SATURATION;

  /**
   * The kind in lower case, the last part of a signal's recorded series name, e.g.
   * {@code service:jvm_heap:saturation}.
   *
   * @return e.g. {@code saturation}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
