package dev.sredsl.diff;

/**
 * A change that reduces protection. {@code sre:diff} lists these first, and its risk rules
 * ({@code failOnRisks}) fail the build on the kinds they name unless the definitions acknowledge the
 * change ({@code acknowledgeRisk}).
 */
public enum Risk {
  /** A paging or ticket alert no longer exists. */
  ALERT_REMOVED("alert removed"),
  /** An alert's severity went down: page to ticket or chat, ticket to chat. */
  SEVERITY_LOWERED("severity lowered"),
  /** A typed condition now needs more to fire: a higher error ratio or latency, less traffic. */
  THRESHOLD_LOOSENED("threshold loosened"),
  /** The condition must hold longer before the alert fires. */
  FOR_LENGTHENED("for lengthened"),
  /** A condition's window or an SLO alert's windows got longer: slower to notice. */
  WINDOW_WIDENED("window widened"),
  /** An SLO's objective went down, or the SLO no longer exists. */
  SLO_LOWERED("SLO lowered"),
  /** An SLO's page or ticket burn-rate alert, or its budget-exhausted ticket, was switched off. */
  SLO_ALERTS_OFF("SLO alert switched off"),
  /** An alert no longer reaches a receiver it reached before. */
  ROUTE_LOST_RECEIVER("receiver lost"),
  /** An alert's runbook lost its escalation, or the alert lost its runbook. */
  ESCALATION_REMOVED("escalation removed"),
  /** The service lost its team, on-call rotation or escalation. */
  OWNERSHIP_REMOVED("ownership removed");

  private final String phrase;

  Risk(String phrase) {
    this.phrase = phrase;
  }

  /** How the plan names it, e.g. "threshold loosened". */
  public String phrase() {
    return phrase;
  }
}
