package dev.sredsl.diff.routing;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the routing tree from a configuration's YAML, checking what Alertmanager checks of it when it
 * loads the file: the root route names a receiver and has no matchers or time intervals; every route
 * uses only known keys; matchers parse and regexes are valid RE2; {@code match} names are label names.
 * When the configuration declares {@code receivers}, every receiver and time interval a route names
 * must be declared, as Alertmanager requires; a routing tree on its own (without {@code receivers}) is
 * read without that check, so that a fragment can be asked too. Anything else in the file (receivers'
 * settings, inhibit rules, templates) is not looked at.
 */
final class RoutesReader {

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /** The keys of a route in Alertmanager 0.25; it refuses any other. */
  private static final Set<String> ROUTE_KEYS = Set.of("receiver", "group_by", "continue", "match", "match_re",
      "matchers", "mute_time_intervals", "active_time_intervals", "group_wait", "group_interval",
      "repeat_interval", "routes");
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "n");

  private final String source;
  /** The declared receivers and time intervals, or null when the configuration declares no receivers. */
  private Set<String> receivers;
  private Set<String> timeIntervals;

  RoutesReader(String source) {
    this.source = source;
  }

  RouteNode read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AlertmanagerConfigException(source + ": cannot be read (" + e + "); check that the file exists");
    }
    return read(text);
  }

  RouteNode read(String yaml) {
    JsonNode config;
    try {
      config = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw fail(line > 0 ? "line " + line : "the file", "is not valid YAML (" + why + "); fix the syntax");
    }
    if (config == null || !config.isObject()) {
      throw fail("the file", "is not an Alertmanager configuration; write a mapping with a 'route' and its"
          + " 'receivers'");
    }
    JsonNode route = config.get("route");
    if (route == null || route.isNull()) {
      throw fail("the file", "has no 'route'; add a root route with the default receiver (route: receiver: ...)");
    }
    declarations(config);
    checkRoot(route);
    return route(route, "route", null);
  }

  /** The names of receivers and time intervals, when the configuration declares its receivers. */
  private void declarations(JsonNode config) {
    JsonNode declared = config.get("receivers");
    if (declared == null || declared.isNull()) {
      return;
    }
    receivers = new LinkedHashSet<>();
    timeIntervals = new LinkedHashSet<>();
    names(declared, "receivers", receivers);
    names(config.get("time_intervals"), "time_intervals", timeIntervals);
    names(config.get("mute_time_intervals"), "mute_time_intervals", timeIntervals);
  }

  private void names(JsonNode list, String path, Set<String> into) {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw fail(path, "is not a list; write one '- name: ...' entry per item");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode name = list.get(i).get("name");
      if (name == null || !name.isValueNode() || name.asText().isEmpty()) {
        throw fail(path + "[" + i + "]", "has no name; give it one (name: ...)");
      }
      into.add(name.asText());
    }
  }

  private void checkRoot(JsonNode root) {
    if (!root.isObject()) {
      throw fail("route", "is not a mapping; write the root route's keys under it (receiver: ...)");
    }
    if (text(root.get("receiver"), "route.receiver").isEmpty()) {
      throw fail("route", "has no receiver; the root route must name the default receiver (receiver: ...)");
    }
    for (String key : List.of("match", "match_re", "matchers")) {
      if (root.has(key) && !root.get(key).isNull() && !root.get(key).isEmpty()) {
        throw fail("route." + key, "is not allowed: the root route takes every alert; move the matchers to a child"
            + " route under route.routes");
      }
    }
    for (String key : List.of("active_time_intervals", "mute_time_intervals")) {
      if (root.has(key) && !root.get(key).isNull() && !root.get(key).isEmpty()) {
        throw fail("route." + key, "is not allowed on the root route; put the time intervals on a child route");
      }
    }
  }

  private RouteNode route(JsonNode node, String path, RouteNode parent) {
    if (!node.isObject()) {
      throw fail(path, "is not a mapping; write the route's keys (matchers, receiver, routes) under it");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!ROUTE_KEYS.contains(key)) {
        throw fail(path, "has the unknown key " + Problem.quoteName(key) + "; a route's keys are "
            + String.join(", ", ROUTE_KEYS.stream().sorted().toList()));
      }
    }
    String own = text(node.get("receiver"), path + ".receiver");
    String receiver = own.isEmpty() && parent != null ? parent.receiver() : own;
    if (!own.isEmpty() && receivers != null && !receivers.contains(own)) {
      throw fail(path + ".receiver", "names the receiver " + Problem.quoteName(own)
          + ", which is not among the configuration's receivers; declare it under receivers or fix the name");
    }
    List<RouteMatcher> matchers = new ArrayList<>();
    matchers.addAll(legacy(node.get("match"), path + ".match", RouteMatcher.Operator.EQUAL));
    matchers.addAll(legacy(node.get("match_re"), path + ".match_re", RouteMatcher.Operator.REGEX));
    matchers.addAll(matchers(node.get("matchers"), path + ".matchers"));
    List<String> active = intervals(node.get("active_time_intervals"), path + ".active_time_intervals");
    List<String> mute = intervals(node.get("mute_time_intervals"), path + ".mute_time_intervals");
    boolean continueMatching = bool(node.get("continue"), path + ".continue");

    // The children need this route's receiver, so the route is built first without them, then again.
    RouteNode self = new RouteNode(path, receiver, matchers, continueMatching, active, mute, List.of());
    JsonNode routes = node.get("routes");
    if (routes == null || routes.isNull()) {
      return self;
    }
    if (!routes.isArray()) {
      throw fail(path + ".routes", "is not a list; write one '- ' entry per child route");
    }
    List<RouteNode> children = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      children.add(route(routes.get(i), path + ".routes[" + i + "]", self));
    }
    return new RouteNode(path, receiver, matchers, continueMatching, active, mute, children);
  }

  /** {@code match} or {@code match_re}: a mapping from label name to value or regex. */
  private List<RouteMatcher> legacy(JsonNode map, String path, RouteMatcher.Operator operator) {
    if (map == null || map.isNull()) {
      return List.of();
    }
    if (!map.isObject()) {
      throw fail(path, "is not a mapping; write one 'label: value' per line");
    }
    List<RouteMatcher> matchers = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String where = path + "." + field.getKey();
      if (!dev.sredsl.promql.PromqlStrings.isLabelName(field.getKey())) {
        throw fail(path, Problem.quoteName(field.getKey()) + " is not a label name; use letters, digits and"
            + " underscores, not starting with a digit");
      }
      try {
        matchers.add(RouteMatcher.of(field.getKey(), operator, text(field.getValue(), where)));
      } catch (IllegalArgumentException badRegex) {
        throw fail(where, "is " + badRegex.getMessage());
      }
    }
    return matchers;
  }

  private List<RouteMatcher> matchers(JsonNode list, String path) {
    List<RouteMatcher> matchers = new ArrayList<>();
    List<String> entries = strings(list, path, "matcher such as - team=\"payments\"");
    for (int i = 0; i < entries.size(); i++) {
      try {
        matchers.addAll(MatcherSyntax.parseEntry(entries.get(i)));
      } catch (IllegalArgumentException bad) {
        throw fail(path + "[" + i + "]", bad.getMessage());
      }
    }
    return matchers;
  }

  private List<String> intervals(JsonNode list, String path) {
    List<String> names = strings(list, path, "time interval name");
    for (int i = 0; i < names.size(); i++) {
      if (timeIntervals != null && !timeIntervals.contains(names.get(i))) {
        throw fail(path + "[" + i + "]", "names the time interval " + Problem.quoteName(names.get(i))
            + ", which the configuration does not declare; add it under time_intervals or fix the name");
      }
    }
    return names;
  }

  private List<String> strings(JsonNode list, String path, String what) {
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw fail(path, "is not a list; write one '- ' entry per " + what);
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isValueNode() || item.isNull()) {
        throw fail(path + "[" + i + "]", "is not a string; write a " + what);
      }
      strings.add(item.asText());
    }
    return strings;
  }

  /** A scalar as text; absent or null is the empty string, as Go reads it into a string field. */
  private String text(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isValueNode()) {
      throw fail(path, "is not a string; write a single value");
    }
    return value.asText();
  }

  private boolean bool(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.isTextual() ? value.asText().toLowerCase(java.util.Locale.ROOT) : "";
    if (TRUE.contains(text) || FALSE.contains(text)) {
      return TRUE.contains(text);
    }
    throw fail(path, "is not true or false; write continue: true to try the later routes too");
  }

  private AlertmanagerConfigException fail(String where, String what) {
    return new AlertmanagerConfigException(source + ": " + where + " " + what);
  }
}
