package dev.sredsl.conventions;

import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;

/**
 * Names of the alerts the generators add to a service's own: each SLO's two burn-rate alerts.
 * Validation reads them too, to refuse a declared alert that would take one of these names.
 */
public final class AlertNames {

  private AlertNames() {}

  /** The page-tier burn-rate alert of an SLO, e.g. {@code CheckoutAvailabilityErrorBudgetFastBurn}. */
  public static String fastBurnAlert(Service service, Slo slo) {
    return camel(service.name()) + camel(slo.name()) + "ErrorBudgetFastBurn";
  }

  /** The ticket-tier burn-rate alert of an SLO, e.g. {@code CheckoutAvailabilityErrorBudgetSlowBurn}. */
  public static String slowBurnAlert(Service service, Slo slo) {
    return camel(service.name()) + camel(slo.name()) + "ErrorBudgetSlowBurn";
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
