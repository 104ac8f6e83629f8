package dev.sredsl.diff.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One route of an Alertmanager routing tree, immutable, with its receiver already inherited: a route
 * without {@code receiver} sends to its parent's. Active and mute time intervals are the route's own,
 * as Alertmanager does not inherit them.
 *
 * @param path where the route is in the configuration, e.g. {@code route.routes[0]}
 * @param receiver the receiver it sends to, its own or inherited
 * @param matchers all must match for the route to take an alert; those of {@code match}, {@code match_re}
 *     and {@code matchers}, in that order
 * @param continueMatching {@code continue: true}: after taking an alert, the later siblings are tried too
 * @param activeTimeIntervals the route sends only within these
 * @param muteTimeIntervals the route sends nothing within these
 * @param children the nested {@code routes}, in the order they are tried
 */
public record RouteNode(String path, String receiver, List<RouteMatcher> matchers, boolean continueMatching,
    List<String> activeTimeIntervals, List<String> muteTimeIntervals, List<RouteNode> children) {

  public RouteNode {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(receiver, "receiver");
    matchers = List.copyOf(matchers);
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    children = List.copyOf(children);
  }

  /** Whether every matcher of this route matches the labels (a route without matchers takes every alert). */
  public boolean takes(Map<String, String> labels) {
    return matchers.stream().allMatch(m -> m.matches(labels));
  }

  /**
   * The routes that end up handling an alert this route takes, in Alertmanager's order: depth first,
   * children in order; the first child that takes the alert ends the search unless it has
   * {@code continue: true}; when no child takes it, this route itself handles it.
   *
   * @param labels the alert's labels
   * @return the handling routes; empty when this route does not take the alert
   */
  public List<RouteNode> handling(Map<String, String> labels) {
    if (!takes(labels)) {
      return List.of();
    }
    List<RouteNode> handling = new ArrayList<>();
    for (RouteNode child : children) {
      List<RouteNode> below = child.handling(labels);
      handling.addAll(below);
      if (!below.isEmpty() && !child.continueMatching()) {
        break;
      }
    }
    return handling.isEmpty() ? List.of(this) : List.copyOf(handling);
  }

  /** What this route delivers when it handles an alert. */
  public Delivery delivery() {
    return new Delivery(receiver, activeTimeIntervals, muteTimeIntervals, path);
  }
}
