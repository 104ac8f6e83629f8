package dev.sredsl.diff.routing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routing tree of an Alertmanager configuration, read once and then asked where alerts go. The
 * answer follows Alertmanager's dispatcher (and thereby {@code amtool config routes test}, which the
 * tests compare it with): the root route takes every alert; a route takes an alert when all its matchers
 * match, a missing label reading as the empty string; children are tried in order and the first that
 * takes the alert ends the search unless it has {@code continue: true}; a route none of whose children
 * takes the alert handles it itself; a route without receiver sends to its parent's.
 *
 * <p>Unlike amtool, {@link #deliveries} also reports the time intervals that gate each route, since a
 * receiver reached only within working hours is not the same as one reached at any time.
 */
public final class AlertmanagerRoutes {

  private final RouteNode root;

  AlertmanagerRoutes(RouteNode root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /**
   * Reads the routing tree of a configuration.
   *
   * @param yaml the configuration's text
   * @param source what to call it in messages, e.g. its path
   * @return the routes
   * @throws AlertmanagerConfigException naming the place in the configuration and the fix when
   *     Alertmanager would not load it as a routing tree
   */
  public static AlertmanagerRoutes parse(String yaml, String source) {
    return new AlertmanagerRoutes(new RoutesReader(source).read(yaml));
  }

  /**
   * Reads the routing tree of a configuration file, e.g. a generated {@code alertmanager/routes.yml}.
   *
   * @throws AlertmanagerConfigException when the file cannot be read or is not a routing tree Alertmanager
   *     would load, naming the file, the place and the fix
   */
  public static AlertmanagerRoutes read(Path file) {
    return new AlertmanagerRoutes(new RoutesReader(file.toString()).read(file));
  }

  /** The root route; its children are the configuration's top-level {@code routes}. */
  public RouteNode root() {
    return root;
  }

  /**
   * The receivers an alert with these labels is sent to, in the order Alertmanager notifies them, as
   * {@code amtool config routes test} prints them (joined with commas). A receiver appears once per
   * route that handles the alert, so twice when two routes with the same receiver do.
   *
   * @param labels the alert's labels; a missing label and an empty value are the same
   */
  public List<String> receivers(Map<String, String> labels) {
    return deliveries(labels).stream().map(Delivery::receiver).toList();
  }

  /** Like {@link #receivers}, with the time intervals that gate each receiver and the route that sends. */
  public List<Delivery> deliveries(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    return root.handling(labels).stream().map(RouteNode::delivery).toList();
  }
}
