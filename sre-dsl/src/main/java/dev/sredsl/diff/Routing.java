package dev.sredsl.diff;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where an alert's notifications go under one build's Alertmanager routes. */
interface Routing {

  /**
   * One receiver an alert reaches, and the time intervals that gate it.
   *
   * @param receiver the receiver's name
   * @param activeIntervals the route sends only within these ({@code active_time_intervals})
   * @param muteIntervals the route is silent within these ({@code mute_time_intervals})
   */
  record Delivery(String receiver, List<String> activeIntervals, List<String> muteIntervals) {

    public Delivery {
      activeIntervals = List.copyOf(activeIntervals);
      muteIntervals = List.copyOf(muteIntervals);
    }

    String text() {
      StringBuilder out = new StringBuilder(receiver);
      if (!activeIntervals.isEmpty()) {
        out.append(" (only within ").append(String.join(", ", activeIntervals)).append(')');
      }
      if (!muteIntervals.isEmpty()) {
        out.append(" (muted within ").append(String.join(", ", muteIntervals)).append(')');
      }
      return out.toString();
    }
  }

  /** The receivers in the order Alertmanager notifies them; empty when the build has no routes. */
  List<Delivery> deliveries(Map<String, String> labels);

  static String text(List<Delivery> deliveries) {
    return deliveries.isEmpty() ? "no receiver" : deliveries.stream().map(Delivery::text)
        .collect(Collectors.joining(", "));
  }
}
