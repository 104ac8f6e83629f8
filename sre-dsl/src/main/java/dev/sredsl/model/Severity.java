package dev.sredsl.model;

/**
 * Who an alert interrupts: {@code PAGE} wakes the on-call engineer, {@code TICKET} waits for working
 * hours, {@code INFO} only records. The Prometheus {@code severity} label follows the common
 * critical / warning / info convention.
 */
public enum Severity {
  PAGE("critical"),
  TICKET("warning"),
  INFO("info");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The value of the {@code severity} label on generated alerts. */
  public String label() {
    return label;
  }
}
