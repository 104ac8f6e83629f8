package dev.sredsl.diff.routing;

import java.util.List;
import java.util.Objects;

/**
 * One notification path of an alert: the receiver of the route that took it and the time intervals
 * that gate that route. {@code amtool config routes test} prints the receivers only; the intervals are
 * what lets a reviewer read "warnings reach payments-ticket only within payments-working-hours".
 * Alertmanager does not pass intervals from a route to its children, so these are the route's own.
 *
 * @param receiver the receiver notified, the route's own or inherited from its parent
 * @param activeTimeIntervals the route sends only within these ({@code active_time_intervals}); empty for always
 * @param muteTimeIntervals the route sends nothing within these ({@code mute_time_intervals})
 * @param routePath where the route is in the configuration, e.g. {@code route.routes[0].routes[1]}
 */
public record Delivery(String receiver, List<String> activeTimeIntervals, List<String> muteTimeIntervals,
    String routePath) {

  public Delivery {
    Objects.requireNonNull(receiver, "receiver");
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    Objects.requireNonNull(routePath, "routePath");
  }

  /** Whether the receiver is notified at any time: no active or mute time interval gates the route. */
  public boolean atAnyTime() {
    return activeTimeIntervals.isEmpty() && muteTimeIntervals.isEmpty();
  }

  /**
   * For a reviewer: the receiver, then when it is notified, e.g.
   * {@code payments-ticket (only within payments-working-hours)} or {@code default (except within holidays)}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(receiver);
    if (!activeTimeIntervals.isEmpty()) {
      out.append(" (only within ").append(String.join(", ", activeTimeIntervals));
    }
    if (!muteTimeIntervals.isEmpty()) {
      out.append(activeTimeIntervals.isEmpty() ? " (" : "; ").append("except within ")
          .append(String.join(", ", muteTimeIntervals));
    }
    return atAnyTime() ? out.toString() : out.append(')').toString();
  }
}
