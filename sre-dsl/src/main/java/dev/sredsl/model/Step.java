package dev.sredsl.model;

/**
 * One mitigation step of a runbook. A risky step states its risk, so the person on call can weigh
 * it before acting.
 *
 * @param action what to do, in the imperative
 * @param risk what can go wrong; {@code null} for a safe step
 */
public record Step(String action, String risk) {

  /** A step that cannot make things worse. */
  public static Step safe(String action) {
    return new Step(action, null);
  }

  /** A step with a cost or a risk that the person on call must accept first. */
  public static Step risky(String action, String risk) {
    return new Step(action, risk == null ? "" : risk);
  }

  public boolean isRisky() {
    return risk != null;
  }
}
