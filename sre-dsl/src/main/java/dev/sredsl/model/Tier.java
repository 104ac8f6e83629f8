package dev.sredsl.model;

/** How much the business depends on a service; critical services must declare SLOs. */
public enum Tier {
  CRITICAL,
  HIGH,
  LOW;

  /** The lower-case form used in labels, tags and catalog entries. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
