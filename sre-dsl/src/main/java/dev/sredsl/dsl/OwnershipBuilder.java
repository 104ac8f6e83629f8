package dev.sredsl.dsl;

import dev.sredsl.model.Ownership;

/** Declares who owns a service: {@code o -> o.team("payments").onCall("payments-primary")...}. */
public final class OwnershipBuilder {

  private String team;
  private String onCall;
  private String escalation;
  private String chat;

  OwnershipBuilder() {}

  /** The owning team, as it is named in the organisation's catalog. */
  public OwnershipBuilder team(String name) {
    this.team = name;
    return this;
  }

  /** The on-call rotation paged first (the Alertmanager receiver and pager schedule). */
  public OwnershipBuilder onCall(String rotation) {
    this.onCall = rotation;
    return this;
  }

  /** Who is paged when the on-call rotation cannot mitigate. */
  public OwnershipBuilder escalation(String target) {
    this.escalation = target;
    return this;
  }

  /** The chat channel where incidents are coordinated, e.g. {@code #payments-oncall}. */
  public OwnershipBuilder chat(String channel) {
    this.chat = channel;
    return this;
  }

  Ownership build() {
    return new Ownership(team, onCall, escalation, chat);
  }
}
