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

  public boolean isExpiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }
}
