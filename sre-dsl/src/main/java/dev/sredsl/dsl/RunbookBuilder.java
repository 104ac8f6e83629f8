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

  private final Scope scope;

  RunbookBuilder(Scope scope) {
    this.scope = scope;
  }

  /** What users and operators notice when the alert fires. */
  public RunbookBuilder symptoms(String... observed) {
    symptoms.addAll(texts(observed));
    return this;
  }

  /** A diagnosis step, in the order to follow. */
  public RunbookBuilder diagnose(String... steps) {
    diagnosis.addAll(texts(steps));
    return this;
  }

  /** A mitigation step: {@code Step.safe(...)} or {@code Step.risky(action, risk)}. */
  public RunbookBuilder mitigate(Step... steps) {
    scope.addNonNull(mitigations, java.util.Arrays.asList(steps),
        "a mitigation step is null; use Step.safe(...) or Step.risky(...)");
    return this;
  }

  /** When and to whom to escalate. */
  public RunbookBuilder escalate(String... criteria) {
    escalation.addAll(texts(criteria));
    return this;
  }

  public RunbookBuilder link(String title, String url) {
    links.add(new Link(title, url));
    return this;
  }

  /** A null text is kept as empty, so that validation reports it as blank in its place. */
  private static List<String> texts(String... given) {
    return java.util.Arrays.stream(given).map(t -> t == null ? "" : t).toList();
  }

  Runbook build() {
    return new Runbook(symptoms, diagnosis, mitigations, escalation, links);
  }
}
