package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.problem.SettingException;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One service's part of an {@link OutputTree}, parsed: its snapshot, the alerting and recording rules
 * of its rule file, and its dashboard.
 */
final class ServiceOutput {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An alerting rule as Prometheus gets it. */
  record AlertRule(String name, String expr, String forDuration, String keepFiringFor, Map<String, String> labels,
      Map<String, String> annotations) {

    /** The labels an alert of this rule carries, as Alertmanager routes it. */
    Map<String, String> routingLabels() {
      Map<String, String> all = new TreeMap<>(labels);
      all.put("alertname", name);
      return all;
    }
  }

  final String service;
  final JsonNode snapshot;
  /** By alert name, in the rule file's order. */
  final Map<String, AlertRule> alerts;
  /** Recording rules' expressions, by the series they record ({@code name{label="value"}}). */
  final Map<String, String> recordings;
  /** The dashboard, or a missing node when the tree has none for the service. */
  final JsonNode dashboard;

  private ServiceOutput(String service, JsonNode snapshot, Map<String, AlertRule> alerts,
      Map<String, String> recordings, JsonNode dashboard) {
    this.service = service;
    this.snapshot = snapshot;
    this.alerts = alerts;
    this.recordings = recordings;
    this.dashboard = dashboard;
  }

  static Optional<ServiceOutput> of(OutputTree tree, String service, String setting) {
    Optional<JsonNode> snapshot = tree.snapshot(service);
    if (snapshot.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AlertRule> alerts = new LinkedHashMap<>();
    Map<String, String> recordings = new TreeMap<>();
    JsonNode rules = read(YAML, tree, "prometheus/" + service + ".rules.yml", setting);
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          String name = rule.path("alert").asText();
          alerts.put(name, new AlertRule(name, rule.path("expr").asText(), text(rule, "for"),
              text(rule, "keep_firing_for"), strings(rule.path("labels")), strings(rule.path("annotations"))));
        } else if (rule.has("record")) {
          recordings.put(seriesName(rule.path("record").asText(), strings(rule.path("labels"))),
              rule.path("expr").asText());
        }
      }
    }
    JsonNode dashboard = read(JSON, tree, "grafana/dashboards/" + service + ".json", setting);
    return Optional.of(new ServiceOutput(service, snapshot.get(), Collections.unmodifiableMap(alerts),
        Collections.unmodifiableMap(recordings), dashboard));
  }

  private static JsonNode read(ObjectMapper mapper, OutputTree tree, String path, String setting) {
    Optional<byte[]> content = tree.file(path);
    if (content.isEmpty()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      JsonNode node = mapper.readTree(content.get());
      return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    } catch (IOException e) {
      throw new SettingException(setting + ": " + tree.label() + ": " + path + " cannot be parsed; generate the"
          + " output again with sre:generate");
    }
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), field.getValue().asText());
    }
    return map;
  }

  /** A recorded series as PromQL writes a selector of it, labels sorted. */
  static String seriesName(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder out = new StringBuilder(name).append('{');
    labels.forEach((k, v) -> {
      if (out.charAt(out.length() - 1) != '{') {
        out.append(", ");
      }
      out.append(k).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    });
    return out.append('}').toString();
  }
}
