package com.example.checkout.monitoring;

import dev.sredsl.dsl.OwnershipBuilder;
import dev.sredsl.model.WorkingHours;
import java.time.LocalTime;

/**
 * The payments team, declared once for every service it owns: the team's tickets have one route, so
 * its services must agree on its working hours, and on who is paged.
 */
final class PaymentsTeam {

  private PaymentsTeam() {}

  static void owns(OwnershipBuilder o) {
    o.team("payments")
        .onCall("payments-primary")
        .escalation("payments-secondary")
        .chat("#payments-oncall")
        // Tickets wait for the team's office hours; pages go out at any time.
        .workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin"));
  }
}
