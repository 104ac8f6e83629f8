package dev.sredsl.model;

/**
 * A change that reduces protection, made on purpose: {@code sre:diff} lists it among the risks with
 * this reason and does not fail the build on it. It acknowledges every risky change of its element in
 * one plan; once the change is merged it acknowledges nothing, and the plan says it can be removed.
 *
 * @param element what changed: an alert's name (also one that was removed), an SLO's name, or
 *     {@value #OWNERSHIP} for the service's ownership and routing
 * @param reason why the change is safe, for the reviewer; not blank
 */
public record RiskAcknowledgement(String element, String reason) {

  /** The element name that stands for the service's ownership (team, on-call, escalation, hours). */
  public static final String OWNERSHIP = "ownership";
}
