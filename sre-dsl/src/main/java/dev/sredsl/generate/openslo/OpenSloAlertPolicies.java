package dev.sredsl.generate.openslo;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SLO's burn-rate alerts as OpenSLO alert policies: one policy for each condition of each enabled
 * tier, as a policy holds one condition. The condition's {@code lookbackWindow} is the long window,
 * its {@code alertAfter} the short one, its {@code threshold} the burn-rate factor, its
 * {@code severity} {@code page} or {@code ticket}. The policies of a tier carry the tier's alert name as
 * {@code displayName}, and a DNS-label form of it, numbered, as {@code metadata.name}. An SLO with no
 * tier on has an empty list, which the reader takes as alerting switched off.
 */
final class OpenSloAlertPolicies {

  /** The longest DNS label, OpenSLO's limit on names. */
  static final int MAX_NAME_LENGTH = 63;

  private OpenSloAlertPolicies() {}

  static List<Object> of(Service service, Slo slo) {
    List<Object> policies = new ArrayList<>();
    if (slo.pageAlerts()) {
      tier(policies, service, slo, BurnRates.AlertTier.FAST, AlertNames.fastBurnAlert(service, slo), "page");
    }
    if (slo.ticketAlerts()) {
      tier(policies, service, slo, BurnRates.AlertTier.SLOW, AlertNames.slowBurnAlert(service, slo), "ticket");
    }
    return policies;
  }

  private static void tier(List<Object> policies, Service service, Slo slo, BurnRates.AlertTier tier, String alert,
      String severity) {
    List<BurnRateWindow> windows = BurnRates.windows(slo, tier);
    for (int i = 0; i < windows.size(); i++) {
      BurnRateWindow window = windows.get(i);
      String name = dnsLabel(alert, i + 1);
      String factor = OpenSloNumbers.factor(window, slo.period()).toPlainString();

      Map<String, Object> condition = new LinkedHashMap<>();
      condition.put("kind", "burnrate");
      condition.put("op", "gt");
      condition.put("threshold", OpenSloNumbers.factor(window, slo.period()));
      condition.put("lookbackWindow", OpenSloNumbers.duration(window.longWindow()));
      condition.put("alertAfter", OpenSloNumbers.duration(window.shortWindow()));
      Map<String, Object> conditionSpec = new LinkedHashMap<>();
      conditionSpec.put("severity", severity);
      conditionSpec.put("condition", condition);

      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("description", (severity.equals("page") ? "Pages" : "Opens a ticket") + " while " + service.name()
          + "'s " + slo.name() + " SLO spends its error budget more than " + factor + "x as fast as the period"
          + " allows, over " + OpenSloNumbers.duration(window.longWindow()) + " and still over "
          + OpenSloNumbers.duration(window.shortWindow()) + ".");
      spec.put("alertWhenNoData", false);
      spec.put("alertWhenResolved", false);
      spec.put("alertWhenBreaching", true);
      spec.put("conditions", List.of(object("AlertCondition", name, null, conditionSpec)));
      spec.put("notificationTargets", List.of());
      policies.add(object("AlertPolicy", name, alert, spec));
    }
  }

  private static Map<String, Object> object(String kind, String name, String displayName, Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (displayName != null) {
      metadata.put("displayName", displayName);
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("kind", kind);
    object.put("metadata", metadata);
    object.put("spec", spec);
    return object;
  }

  /**
   * An alert name as a DNS label with the condition's number: {@code CheckoutAvailabilityErrorBudgetFastBurn}
   * and 1 give {@code checkout-availability-error-budget-fast-burn-1}, cut to fit 63 characters.
   */
  static String dnsLabel(String alertName, int number) {
    String words = alertName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String suffix = "-" + number;
    if (words.length() > MAX_NAME_LENGTH - suffix.length()) {
      words = words.substring(0, MAX_NAME_LENGTH - suffix.length()).replaceAll("-+$", "");
    }
    return (words.isEmpty() ? "alert" : words) + suffix;
  }
}
