package dev.sredsl.conventions;

import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;

/**
 * Names of the alerts the generators add to a service's own: each SLO's burn-rate alerts and its
 * budget-exhausted ticket, and the service's missing-data alerts. Validation reads them too, to
 * refuse a declared alert that would take one of these names.
 */
public final class AlertNames {

  private AlertNames() {}

  /** The page-tier burn-rate alert of an SLO: the name its alerting settings give, or e.g. {@code CheckoutAvailabilityErrorBudgetFastBurn}. */
  public static String fastBurnAlert(Service service, Slo slo) {
    if (slo.alerting() != null && slo.alerting().pageName() != null) {
      return slo.alerting().pageName();
    }
    return conventionalFastBurnAlert(service.name(), slo.name());
  }

  /** The page-tier alert's name when the SLO's alerting settings give none. */
  public static String conventionalFastBurnAlert(String serviceName, String sloName) {
    return camel(serviceName) + camel(sloName) + "ErrorBudgetFastBurn";
  }

  /** The ticket-tier burn-rate alert of an SLO: the name its alerting settings give, or e.g. {@code CheckoutAvailabilityErrorBudgetSlowBurn}. */
  public static String slowBurnAlert(Service service, Slo slo) {
    if (slo.alerting() != null && slo.alerting().ticketName() != null) {
      return slo.alerting().ticketName();
    }
    return conventionalSlowBurnAlert(service.name(), slo.name());
  }

  /** The ticket-tier alert's name when the SLO's alerting settings give none. */
  public static String conventionalSlowBurnAlert(String serviceName, String sloName) {
    return camel(serviceName) + camel(sloName) + "ErrorBudgetSlowBurn";
  }

  /** The ticket opened when an SLO's whole budget is spent, e.g. {@code CheckoutAvailabilityErrorBudgetExhausted}. */
  public static String budgetExhaustedAlert(Service service, Slo slo) {
    return camel(service.name()) + camel(slo.name()) + "ErrorBudgetExhausted";
  }

  /** The alert that the inputs of the service's paging alerts stopped, e.g. {@code CheckoutMetricsMissing}. */
  public static String metricsMissingAlert(Service service) {
    return camel(service.name()) + "MetricsMissing";
  }

  /** The alert that the service's scrape targets are down, e.g. {@code CheckoutTargetsDown}. */
  public static String targetsDownAlert(Service service) {
    return camel(service.name()) + "TargetsDown";
  }

  /** {@code checkout-api} as {@code CheckoutApi}. */
  static String camel(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
