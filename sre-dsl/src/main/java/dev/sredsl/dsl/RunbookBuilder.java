package dev.sredsl.dsl;

import dev.sredsl.model.Link;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares the runbook behind an alert. Each method may be called several times; the order of calls
 * is the order of the steps.
 */
public final class RunbookBuilder {

  private final List<String> symptoms = new ArrayList<>();
  private final List<String> diagnosis = new ArrayList<>();
  private final List<Step> mitigations = new ArrayList<>();
  private final List<String> escalation = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();

  RunbookBuilder() {}

  /** What users and operators notice when the alert fires. */
  public RunbookBuilder symptoms(String... observed) {
    symptoms.addAll(List.of(observed));
    return this;
  }

  /** A diagnosis step, in the order to follow. */
  public RunbookBuilder diagnose(String... steps) {
    diagnosis.addAll(List.of(steps));
    return this;
  }

  /** A mitigation step: {@code Step.safe(...)} or {@code Step.risky(action, risk)}. */
  public RunbookBuilder mitigate(Step... steps) {
    mitigations.addAll(List.of(steps));
    return this;
  }

  /** When and to whom to escalate. */
  public RunbookBuilder escalate(String... criteria) {
    escalation.addAll(List.of(criteria));
    return this;
  }

  public RunbookBuilder link(String title, String url) {
    links.add(new Link(title, url));
    return this;
  }

  Runbook build() {
    return new Runbook(symptoms, diagnosis, mitigations, escalation, links);
  }
}
