package dev.sredsl.model;

import java.time.LocalDate;

/**
 * A deliberate, temporary exception to a coverage rule: the item counts as covered until
 * {@code expires} (inclusive), and is listed as waived in reports.
 *
 * @param counter the coverage counter waived
 * @param reason why, for the reviewer
 * @param expires last day the waiver holds
 */
public record Waiver(CoverageCounter counter, String reason, LocalDate expires) {

  /**
   * Whether the waiver no longer holds on {@code today}.
   *
   * @param today the day to judge on
   * @return {@code true} when {@code today} is after {@code expires}; {@code false} without an expiry
   *     date (validation rejects such a waiver)
   */
  public boolean isExpiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }
}
