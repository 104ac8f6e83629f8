package dev.sredsl.model;

import java.util.List;

/**
 * What the person paged reads: how the problem shows, how to find the cause, how to stop the bleeding,
 * and when to call for help. Lists keep the order in which they were declared.
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

  /** Symptoms, diagnosis, at least one mitigation and escalation: what a paging alert needs. */
  public boolean isComplete() {
    return !symptoms.isEmpty() && !diagnosis.isEmpty() && !mitigations.isEmpty() && !escalation.isEmpty();
  }
}
