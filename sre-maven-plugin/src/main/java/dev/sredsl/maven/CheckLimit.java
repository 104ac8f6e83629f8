package dev.sredsl.maven;

import dev.sredsl.coverage.CoverageRules;

/** A {@code <limit>} of a rule: a bound on one value of one coverage counter. */
public class CheckLimit {

  /** RUNBOOK, SIGNALS, DEPENDENCIES, SLO, OWNERSHIP or ALERT_HYGIENE. */
  private String counter;
  /** COVEREDRATIO (default), MISSEDRATIO, COVEREDCOUNT, MISSEDCOUNT or TOTALCOUNT. */
  private String value = "COVEREDRATIO";
  /** The least the value may be: a ratio such as {@code 0.8}, a percentage such as {@code 80%}, or a count. */
  private String minimum;
  /** The most the value may be, written as {@code minimum}. */
  private String maximum;

  CoverageRules.LimitText text() {
    return new CoverageRules.LimitText(counter, value, minimum, maximum);
  }
}
