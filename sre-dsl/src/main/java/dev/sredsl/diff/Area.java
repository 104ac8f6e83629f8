package dev.sredsl.diff;

/** What part of a service's monitoring a change is in; the plan's sections, in this order. */
public enum Area {
  OWNERSHIP("Ownership"),
  SLOS("SLOs"),
  ALERTS("Alerts"),
  RUNBOOKS("Runbooks"),
  RECORDING_RULES("Recording rules"),
  DASHBOARDS("Dashboard"),
  COVERAGE("Coverage");

  private final String title;

  Area(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
