package dev.sredsl.dsl;

import dev.sredsl.model.Ownership;

/**
 * Declares who owns a service: {@code o -> o.team("payments").onCall("payments-primary")...}.
 *
 * <p>Every part is optional text, but the coverage gate's {@code OWNERSHIP} counter wants a team, an
 * on-call rotation and an escalation; a part that is given must not be blank. Calling a method twice
 * keeps the last value, and a second {@code ServiceBuilder.owner(...)} replaces the whole ownership.
 *
 * <pre>{@code
 * .owner(o -> o.team("payments").onCall("payments-primary")
 *              .escalation("payments-secondary").chat("#payments-oncall"))
 * }</pre>
 */
public final class OwnershipBuilder {

  private String team;
  private String onCall;
  private String escalation;
  private String chat;

  OwnershipBuilder() {}

  /**
   * The owning team, as it is named in the organisation's catalog. It becomes the {@code team} label of
   * every recorded series and alert of the service, the key of the team's Alertmanager routes
   * ({@code <team>-page}, {@code <team>-ticket}, {@code <team>-chat} by default), the owner
   * {@code group:<team>} of the Backstage entry and a {@code team:<team>} dashboard tag. Without a team
   * the service's alerts go to the default receiver.
   *
   * @param name the team name
   * @return this builder
   */
  public OwnershipBuilder team(String name) {
    this.team = name;
    return this;
  }

  /**
   * The on-call rotation paged first, e.g. the pager schedule's name. It is shown in the runbook and
   * the Backstage entry ({@code sre-dsl/on-call}); Alertmanager routes go by {@link #team}, not by it.
   *
   * @param rotation the rotation's name
   * @return this builder
   */
  public OwnershipBuilder onCall(String rotation) {
    this.onCall = rotation;
    return this;
  }

  /**
   * Who is paged when the on-call rotation cannot mitigate; shown in the runbook and the Backstage
   * entry ({@code sre-dsl/escalation}).
   *
   * @param target a rotation, team or person
   * @return this builder
   */
  public OwnershipBuilder escalation(String target) {
    this.escalation = target;
    return this;
  }

  /**
   * The chat channel where incidents are coordinated, e.g. {@code #payments-oncall}; shown in the
   * runbook and the Backstage entry ({@code sre-dsl/chat}).
   *
   * @param channel the channel
   * @return this builder
   */
  public OwnershipBuilder chat(String channel) {
    this.chat = channel;
    return this;
  }

  Ownership build() {
    return new Ownership(team, onCall, escalation, chat);
  }
}
