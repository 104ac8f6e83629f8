package dev.sredsl.model;

/** How much the business depends on a service; critical services must declare SLOs. */
public enum Tier {
  /** The business depends on it directly; the coverage gate requires at least one SLO. */
  CRITICAL,
  /** Important, but the coverage gate does not require an SLO. */
  HIGH,
  /** The least critical tier; no SLO required. */
  LOW;

  /**
   * The lower-case form used in labels, tags and catalog entries.
   *
   * @return e.g. {@code critical}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
