package dev.sredsl.model;

import java.util.List;

/**
 * What the person paged reads: how the problem shows, how to find the cause, how to stop the bleeding,
 * and when to call for help. Lists keep the order in which they were declared and are unmodifiable.
 *
 * @param symptoms what users and operators notice
 * @param diagnosis steps to find the cause, in the order to follow
 * @param mitigations steps to stop the bleeding; the rendered runbook puts safe ones first
 * @param escalation when and to whom to escalate
 * @param links further reading for the person on call
 */
public record Runbook(
    List<String> symptoms,
    List<String> diagnosis,
    List<Step> mitigations,
    List<String> escalation,
    List<Link> links) {

  public Runbook {
    symptoms = List.copyOf(symptoms);
    diagnosis = List.copyOf(diagnosis);
    mitigations = List.copyOf(mitigations);
    escalation = List.copyOf(escalation);
    links = List.copyOf(links);
  }

  /**
   * Symptoms, diagnosis, at least one mitigation and escalation: what a paging alert needs.
   *
   * @return {@code true} when none of those four lists is empty; links are optional
   */
  public boolean isComplete() {
    return !symptoms.isEmpty() && !diagnosis.isEmpty() && !mitigations.isEmpty() && !escalation.isEmpty();
  }
}
