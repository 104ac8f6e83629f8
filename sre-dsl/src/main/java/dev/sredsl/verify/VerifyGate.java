package dev.sredsl.verify;

import dev.sredsl.verify.VerifyResult.AlertResult;
import dev.sredsl.verify.VerifyResult.ServiceResult;
import dev.sredsl.verify.VerifyResult.TeamLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of {@code sre:verify}: a paging alert that cannot fire (its expression gave no data in the
 * window, or a selector it reads matches nothing now) fails it, and so does a team paged or ticketed more often per
 * week than the limits allow. One sentence per violation, naming the service or team and the fix.
 */
final class VerifyGate {

  private VerifyGate() {}

  static List<String> violations(List<ServiceResult> services, List<TeamLoad> teams, Verification.Settings settings) {
    List<String> violations = new ArrayList<>();
    for (ServiceResult service : services) {
      for (AlertResult alert : service.alerts()) {
        if (alert.pages() && alert.cannotFire() != null) {
          violations.add("service '" + service.name() + "', alert '" + alert.name() + "' pages but cannot fire: "
              + alert.cannotFire());
        }
      }
    }
    for (TeamLoad team : teams) {
      limit(violations, team.team(), "paged", team.pagesPerWeek(), settings.maxPagesPerWeek(), "sre.maxPagesPerWeek");
      limit(violations, team.team(), "ticketed", team.ticketsPerWeek(), settings.maxTicketsPerWeek(),
          "sre.maxTicketsPerWeek");
    }
    return violations;
  }

  private static void limit(List<String> violations, String team, String what, double perWeek, Double max,
      String setting) {
    if (max != null && perWeek > max) {
      violations.add(String.format(Locale.ROOT, "team '%s' would have been %s %.1f times per week, more than %s=%s;"
          + " raise thresholds or 'for', move alerts to tickets, or fix what fires", team, what, perWeek, setting,
          max % 1 == 0 ? String.valueOf(max.longValue()) : String.valueOf(max)));
    }
  }
}
