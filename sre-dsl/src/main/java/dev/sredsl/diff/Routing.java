package dev.sredsl.diff;

import dev.sredsl.diff.routing.Delivery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Where an alert's notifications go under one build's Alertmanager routes. */
interface Routing {

  /** The receivers in the order Alertmanager notifies them; empty when the build has no routes. */
  List<Delivery> deliveries(Map<String, String> labels);

  static String text(List<Delivery> deliveries) {
    return deliveries.isEmpty() ? "no receiver" : deliveries.stream().map(Delivery::toString)
        .collect(Collectors.joining(", "));
  }

  /** The same receivers gated by the same intervals; where in the tree the routes sit does not count. */
  static boolean same(List<Delivery> a, List<Delivery> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Delivery x = a.get(i);
      Delivery y = b.get(i);
      if (!x.receiver().equals(y.receiver()) || !Objects.equals(x.activeTimeIntervals(), y.activeTimeIntervals())
          || !Objects.equals(x.muteTimeIntervals(), y.muteTimeIntervals())) {
        return false;
      }
    }
    return true;
  }
}
