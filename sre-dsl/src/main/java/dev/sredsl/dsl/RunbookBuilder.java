package dev.sredsl.dsl;

import dev.sredsl.model.Link;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares the runbook behind an alert. Each method may be called several times; the order of calls
 * is the order of the steps.
 *
 * <p>The runbook becomes the alert's section of {@code runbooks/<service>.md}. A {@code PAGE} alert's
 * runbook counts as covered by the coverage gate only with symptoms, diagnosis, a mitigation and
 * escalation. Validation reports blank texts (a {@code null} text is kept as an empty one so that it
 * is reported in its place), a risky step without its risk, and a link without a title or an absolute
 * http or https URL.
 *
 * <pre>{@code
 * .runbook(r -> r
 *     .symptoms("Customers see HTTP 500 at payment confirmation.")
 *     .diagnose("Split the errors by uri and exception on the dashboard.")
 *     .mitigate(Step.safe("Roll back the last deployment if it started the errors."))
 *     .mitigate(Step.risky("Restart pods one at a time.", "Drops in-flight payments."))
 *     .escalate("Page payments-secondary after 15 minutes without mitigation.")
 *     .link("Payment flow", "https://wiki.example.com/payments/flow"))
 * }</pre>
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

  /**
   * What users and operators notice when the alert fires.
   *
   * @param observed one or more symptoms, each not blank
   * @return this builder
   */
  public RunbookBuilder symptoms(String... observed) {
    symptoms.addAll(texts(observed));
    return this;
  }

  /**
   * Diagnosis steps, in the order to follow.
   *
   * @param steps one or more steps, each not blank
   * @return this builder
   */
  public RunbookBuilder diagnose(String... steps) {
    diagnosis.addAll(texts(steps));
    return this;
  }

  /**
   * Mitigation steps: {@code Step.safe(...)} or {@code Step.risky(action, risk)}. The rendered runbook
   * lists safe steps before risky ones and shows each risky step's risk.
   *
   * @param steps one or more steps; a {@code null} step is reported as a problem of the runbook
   * @return this builder
   */
  public RunbookBuilder mitigate(Step... steps) {
    scope.addNonNull(mitigations, java.util.Arrays.asList(steps),
        "a mitigation step is null; use Step.safe(...) or Step.risky(...)");
    return this;
  }

  /**
   * When and to whom to escalate, e.g. {@code "Page payments-secondary after 15 minutes without
   * mitigation."}.
   *
   * @param criteria one or more criteria, each not blank
   * @return this builder
   */
  public RunbookBuilder escalate(String... criteria) {
    escalation.addAll(texts(criteria));
    return this;
  }

  /**
   * A link for the person on call, e.g. a design document, a vendor status page or a query.
   *
   * @param title the link text, not blank
   * @param url an absolute http or https URL, e.g. {@code https://grafana.example.com/d/abc}
   * @return this builder
   */
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
