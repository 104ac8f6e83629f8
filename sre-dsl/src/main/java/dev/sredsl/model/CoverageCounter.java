package dev.sredsl.model;

/** What the coverage gate counts; see the project's design guide for the covered items. */
public enum CoverageCounter {
  /** An alert with a runbook; a paging alert's runbook must be complete. */
  RUNBOOK,
  /** A golden signal present for the service. */
  SIGNALS,
  /** A declared dependency with a health signal. */
  DEPENDENCIES,
  /** A critical service with at least one SLO. */
  SLO,
  /** A service with team, on-call and escalation. */
  OWNERSHIP,
  /** An alert with severity, summary and a {@code for} duration. */
  ALERT_HYGIENE,
  /**
   * A paging alert whose inputs a missing-data alert watches, so that it cannot go silent because its
   * series stopped. Not part of the default policy.
   */
  MISSING_DATA
}
