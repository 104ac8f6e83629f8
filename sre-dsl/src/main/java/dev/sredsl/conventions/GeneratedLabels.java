package dev.sredsl.conventions;

import java.util.Set;

/**
 * The labels the generated alerting rules set from the definition. Validation refuses a user label of
 * these names, the rule generators write them, and the Alertmanager routes match on them; all read
 * them from here.
 */
public final class GeneratedLabels {

  /** Prometheus' own label for the alert's name. */
  public static final String ALERTNAME = "alertname";
  /** The declaring service's name. */
  public static final String SERVICE = "service";
  /** The owning team, when the service names one. */
  public static final String TEAM = "team";
  /** The SLO a burn-rate alert watches; absent on other alerts. */
  public static final String SLO = "slo";
  /** {@code critical}, {@code warning} or {@code info}, from the alert's severity. */
  public static final String SEVERITY = "severity";

  /** Every label above: a user label of one of these names would contradict the definition. */
  public static final Set<String> ALL = Set.of(ALERTNAME, SERVICE, TEAM, SLO, SEVERITY);

  private GeneratedLabels() {}
}
