package dev.sredsl.model;

/**
 * Who answers for a service: the owning team, the on-call rotation that is paged first, the
 * escalation target paged next, and the chat channel where incidents are coordinated. Any part may
 * be {@code null} when not declared; the coverage gate counts what is missing.
 */
public record Ownership(String team, String onCall, String escalation, String chat) {

  public static final Ownership NONE = new Ownership(null, null, null, null);

  /** Team, on-call and escalation are all declared. */
  public boolean isComplete() {
    return team != null && onCall != null && escalation != null;
  }
}
