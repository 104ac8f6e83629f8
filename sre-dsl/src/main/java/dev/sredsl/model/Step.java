package dev.sredsl.model;

/**
 * One mitigation step of a runbook. A risky step states its risk, so the person on call can weigh
 * it before acting.
 *
 * @param action what to do, in the imperative
 * @param risk what can go wrong; {@code null} for a safe step
 */
public record Step(String action, String risk) {

  /**
   * A step that cannot make things worse, e.g. {@code Step.safe("Roll back the last deployment.")}.
   *
   * @param action what to do, in the imperative; must not be blank
   * @return the step
   */
  public static Step safe(String action) {
    return new Step(action, null);
  }

  /**
   * A step with a cost or a risk that the person on call must accept first, e.g.
   * {@code Step.risky("Restart pods one at a time.", "Drops in-flight payments.")}.
   *
   * @param action what to do, in the imperative; must not be blank
   * @param risk what can go wrong; must not be blank ({@code null} is kept as empty, which validation
   *     reports)
   * @return the step
   */
  public static Step risky(String action, String risk) {
    return new Step(action, risk == null ? "" : risk);
  }

  /**
   * Whether the step was declared risky.
   *
   * @return {@code true} when the step has a risk, even a blank one
   */
  public boolean isRisky() {
    return risk != null;
  }
}
