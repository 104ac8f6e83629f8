package dev.sredsl.specs;

import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OpenSLO burn-rate alert conditions as sre-dsl's two alert tiers. Each condition is one multi-window
 * condition: its {@code lookbackWindow} is the long window and its {@code alertAfter} the short one, the
 * window in which the burn must still show. The Workbook's short window does the work of a wait
 * without delaying the alert: it holds as soon as the burn has lasted that long, and clears soon after
 * it stops. So {@code alertAfter} is required here, and shorter than {@code lookbackWindow}.
 *
 * <p>The severity decides the tier: {@value #PAGE_WORDS} page, {@value #TICKET_WORDS} open tickets
 * (in any case). An SLO whose alert policies name no condition of a tier has that tier switched off;
 * an SLO without {@code alertPolicies} keeps sre-dsl's default conditions. The {@code displayName} of
 * the policies of a tier names its alert when it is an alert name sre-dsl accepts (CamelCase ASCII);
 * another one is left for the conventional name, with a warning.
 */
final class OpenSloBurnRates {

  static final String PAGE_WORDS = "page, critical or high";
  static final String TICKET_WORDS = "ticket, warning, low or info";

  private static final List<String> PAGE = List.of("page", "critical", "high");
  private static final List<String> TICKET = List.of("ticket", "warning", "low", "info");
  private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

  private OpenSloBurnRates() {}

  /** The SLO alerting as the objective's conditions say; warnings about names not kept go to {@code warnings}. */
  static Slo alerting(Slo slo, OpenSloSpec.OpenSloObjective objective, List<String> warnings) {
    if (!objective.alertPoliciesGiven()) {
      return slo;
    }
    Tier page = new Tier("page");
    Tier ticket = new Tier("ticket");
    for (OpenSloSpec.BurnRateCondition condition : objective.alerts()) {
      Tier tier = tier(condition) ? page : ticket;
      tier.windows.add(BurnRateWindow.of(condition.lookbackWindow(), shortWindow(condition),
          condition.threshold().doubleValue()));
      tier.name(condition.alertName(), warnings);
    }
    // What the model has as its default (the conditions of the default table, the conventional names) stays
    // the default, so that an SLO written as OpenSLO and read back is the SLO written.
    Slo alerting = page.windows.isEmpty() ? slo.withoutPaging()
        : page.windows.equals(BurnRates.PAGE) ? slo : slo.pageWhen(page.windows.toArray(BurnRateWindow[]::new));
    alerting = ticket.windows.isEmpty() ? alerting.withoutTickets()
        : ticket.windows.equals(BurnRates.TICKET) ? alerting
        : alerting.ticketWhen(ticket.windows.toArray(BurnRateWindow[]::new));
    if (page.name != null && page.name.text().equals(AlertNames.conventionalFastBurnAlert(objective.service(),
        objective.name()))) {
      page.name = null;
    }
    if (ticket.name != null && ticket.name.text().equals(AlertNames.conventionalSlowBurnAlert(objective.service(),
        objective.name()))) {
      ticket.name = null;
    }
    if (page.name == null && ticket.name == null) {
      return alerting;
    }
    if (page.name != null && ticket.name != null && page.name.text().equals(ticket.name.text())) {
      throw ticket.name.problem("the page and the ticket alert policies are both named " + page.name.text()
          + " (line " + page.name.line() + "); give the ticket's policies another displayName");
    }
    return alerting.alerting(SloAlerting.named(page.name == null ? null : page.name.text(),
        ticket.name == null ? null : ticket.name.text()));
  }

  /** Whether the condition pages ({@code true}) or opens a ticket. */
  private static boolean tier(OpenSloSpec.BurnRateCondition condition) {
    String severity = condition.severity().strip().toLowerCase(Locale.ROOT);
    if (PAGE.contains(severity) || TICKET.contains(severity)) {
      return PAGE.contains(severity);
    }
    throw spec(condition).problemAtKey("severity", "severity '" + condition.severity() + "' names no alert tier; give "
        + PAGE_WORDS + " to page, " + TICKET_WORDS + " for a ticket");
  }

  private static java.time.Duration shortWindow(OpenSloSpec.BurnRateCondition condition) {
    java.time.Duration after = condition.alertAfter();
    if (after.isZero() || after.compareTo(condition.lookbackWindow()) >= 0) {
      YamlNode.Mapping burnRate = (YamlNode.Mapping) spec(condition).entries().get("condition");
      throw burnRate.problemAtKey("alertAfter", "alertAfter must be more than 0 and shorter than lookbackWindow:"
          + " sre-dsl checks the burn over it as the short window of a multi-window alert; the Workbook takes a"
          + " twelfth, e.g. alertAfter: 5m for lookbackWindow: 1h");
    }
    return after;
  }

  private static YamlNode.Mapping spec(OpenSloSpec.BurnRateCondition condition) {
    return (YamlNode.Mapping) condition.at().entries().get("spec");
  }

  /** One tier's conditions and alert name, as the policies give them. */
  private static final class Tier {

    private final String label;
    private final List<BurnRateWindow> windows = new ArrayList<>();
    private YamlNode.Scalar name;

    Tier(String label) {
      this.label = label;
    }

    void name(YamlNode.Scalar displayName, List<String> warnings) {
      if (displayName == null) {
        return;
      }
      if (!ALERT_NAME.matcher(displayName.text()).matches()) {
        warnings.add(displayName.problem("displayName '" + displayName.text() + "' is no alert name (CamelCase"
            + " ASCII letters and digits), so the " + label + " alert keeps sre-dsl's name; write it in CamelCase to"
            + " name the alert").getMessage());
        return;
      }
      if (name != null && !name.text().equals(displayName.text())) {
        throw displayName.problem("displayName '" + displayName.text() + "' differs from '" + name.text()
            + "' (line " + name.line() + ") of another " + label + " policy of the SLO; sre-dsl raises one " + label
            + " alert per SLO, so give its policies one displayName");
      }
      name = displayName;
    }
  }
}
