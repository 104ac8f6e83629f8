package dev.sredsl.model;

/**
 * Who an alert interrupts: {@code PAGE} wakes the on-call engineer, {@code TICKET} waits for working
 * hours, {@code INFO} only records. The Prometheus {@code severity} label follows the common
 * critical / warning / info convention.
 */
public enum Severity {
  /** Label {@code critical}: routed to the team's page receiver ({@code <team>-page} by default). */
  PAGE("critical"),
  /** Label {@code warning}: routed to the team's ticket receiver ({@code <team>-ticket} by default). */
  TICKET("warning"),
  /** Label {@code info}: routed to the team's chat receiver ({@code <team>-chat} by default). */
  INFO("info");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /**
   * The value of the {@code severity} label on generated alerts.
   *
   * @return {@code critical}, {@code warning} or {@code info}
   */
  public String label() {
    return label;
  }
}
