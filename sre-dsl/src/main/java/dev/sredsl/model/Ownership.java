package dev.sredsl.model;

/**
 * Who answers for a service: the owning team, the on-call rotation that is paged first, the
 * escalation target paged next, and the chat channel where incidents are coordinated. Any part may
 * be {@code null} when not declared; the coverage gate counts what is missing.
 *
 * @param team the owning team; the {@code team} label of the service's recorded series and alerts
 * @param onCall the on-call rotation paged first
 * @param escalation who is paged when the on-call rotation cannot mitigate
 * @param chat the chat channel where incidents are coordinated, e.g. {@code #payments-oncall}
 */
public record Ownership(String team, String onCall, String escalation, String chat) {

  /** Nothing declared: the ownership of a service that does not call {@code owner(...)}. */
  public static final Ownership NONE = new Ownership(null, null, null, null);

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
