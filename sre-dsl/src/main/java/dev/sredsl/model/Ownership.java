package dev.sredsl.model;

/**
 * Who answers for a service: the owning team, the on-call rotation that is paged first, the
 * escalation target paged next, the chat channel where incidents are coordinated, and the team's
 * working hours, outside which its tickets wait. Any part may be {@code null} when not declared; the
 * coverage gate counts what is missing.
 *
 * @param team the owning team; the {@code team} label of the service's recorded series and alerts
 * @param onCall the on-call rotation paged first
 * @param escalation who is paged when the on-call rotation cannot mitigate
 * @param chat the chat channel where incidents are coordinated, e.g. {@code #payments-oncall}
 * @param workingHours when the team takes tickets ({@code severity="warning"}); {@code null} for at any
 *     time. One team has one set of working hours: all its services declare the same.
 */
public record Ownership(String team, String onCall, String escalation, String chat, WorkingHours workingHours) {

  /** Nothing declared: the ownership of a service that does not call {@code owner(...)}. */
  public static final Ownership NONE = new Ownership(null, null, null, null);

  /**
   * Ownership without working hours: the team takes tickets at any time.
   *
   * @param team the owning team
   * @param onCall the on-call rotation paged first
   * @param escalation who is paged when the on-call rotation cannot mitigate
   * @param chat the chat channel where incidents are coordinated
   */
  public Ownership(String team, String onCall, String escalation, String chat) {
    this(team, onCall, escalation, chat, null);
  }

  /**
   * Whether team, on-call and escalation are all declared, as the coverage gate's {@code OWNERSHIP}
   * counter requires; the chat channel is optional.
   *
   * @return {@code true} when none of the three is {@code null}
   */
  public boolean isComplete() {
    return team != null && onCall != null && escalation != null;
  }
}
