package dev.sredsl.maven;

/** A {@code <limit>} of a rule: a bound on one value of one coverage counter. */
public class Limit {

  /** RUNBOOK, SIGNALS, DEPENDENCIES, SLO, OWNERSHIP or ALERT_HYGIENE. */
  private String counter;
  /** COVEREDRATIO (default), MISSEDRATIO, COVEREDCOUNT, MISSEDCOUNT or TOTALCOUNT. */
  private String value = "COVEREDRATIO";
  private String minimum;
  private String maximum;

  public String getCounter() {
    return counter;
  }

  public String getValue() {
    return value;
  }

  public String getMinimum() {
    return minimum;
  }

  public String getMaximum() {
    return maximum;
  }
}
