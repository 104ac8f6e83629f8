package dev.sredsl.dsl;

import dev.sredsl.model.Ownership;
import dev.sredsl.model.WorkingHours;

/**
 * Declares who owns a service: {@code o -> o.team("payments").onCall("payments-primary")...}.
 *
 * <p>Every part is optional text, but the coverage gate's {@code OWNERSHIP} counter wants a team, an
 * on-call rotation and an escalation; a part that is given must not be blank. Calling a method twice
 * keeps the last value, and a second {@code ServiceBuilder.owner(...)} replaces the whole ownership.
 *
 * <pre>{@code
 * .owner(o -> o.team("payments").onCall("payments-primary")
 *              .escalation("payments-secondary").chat("#payments-oncall")
 *              .workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin")))
 * }</pre>
 */
public final class OwnershipBuilder {

  private String team;
  private String onCall;
  private String escalation;
  private String chat;
  private WorkingHours workingHours;

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

  /**
   * When the team takes tickets. The team's {@code warning} alerts are then delivered only within these
   * hours (Alertmanager holds them outside; one still firing when the hours begin is sent then), while
   * {@code critical} alerts page and {@code info} alerts reach the chat at any time. The hours are shown
   * in the runbook and the Backstage entry ({@code sre-dsl/working-hours}). A team has one warning route,
   * so every service of the team must declare the same hours; without a team they cannot apply.
   *
   * @param hours e.g. {@code WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin")}
   * @return this builder
   * @throws IllegalArgumentException when {@code hours} is {@code null}
   */
  public OwnershipBuilder workingHours(WorkingHours hours) {
    if (hours == null) {
      throw new IllegalArgumentException("working hours are null; pass e.g. WorkingHours.weekdays(LocalTime.of(9, 0),"
          + " LocalTime.of(17, 0)).in(\"Europe/Berlin\"), or leave them out to take tickets at any time");
    }
    this.workingHours = hours;
    return this;
  }

  Ownership build() {
    return new Ownership(team, onCall, escalation, chat, workingHours);
  }
}
