package dev.sredsl.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import dev.sredsl.problem.SettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads Prometheus rule files ({@code groups: [{name, interval, rules: [...]}]}) into
 * {@link LoadedRule}s: the files this build generates, or a folder of another build's (e.g. main's)
 * for the comparison. promtool test files ({@code *.test.yml}) are skipped.
 */
public final class RuleFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RuleFiles() {}

  /**
   * The rules of every {@code *.yml} and {@code *.yaml} file under {@code folder}, files in name order.
   *
   * @param setting the setting that named the folder, for messages
   * @throws SettingException when the folder or a file cannot be read as rules
   */
  public static List<LoadedRule> read(Path folder, String setting) {
    if (!Files.isDirectory(folder)) {
      throw new SettingException(setting + " " + folder + " is not a folder; point it at a folder of Prometheus rule"
          + " files, e.g. the prometheus/ folder of main's target/sre");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(RuleFiles::isRuleFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    List<LoadedRule> rules = new ArrayList<>();
    for (Path file : files) {
      try {
        rules.addAll(parse(file.getFileName().toString(), Files.readString(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      } catch (IllegalArgumentException e) {
        throw new SettingException(setting + ": " + file + " is not a Prometheus rule file: " + e.getMessage());
      }
    }
    return rules;
  }

  private static boolean isRuleFile(Path file) {
    String name = file.getFileName().toString();
    return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.endsWith(".test.yml")
        && !name.endsWith(".test.yaml");
  }

  /**
   * The rules of one file's text.
   *
   * @throws IllegalArgumentException naming what is wrong, when the text is not a rule file
   */
  public static List<LoadedRule> parse(String fileName, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not YAML: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.path("groups").isArray()) {
      throw new IllegalArgumentException("no 'groups' list");
    }
    List<LoadedRule> rules = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      String groupName = group.path("name").asText("");
      Duration interval = duration(group.path("interval"), "interval of group '" + groupName + "'");
      for (JsonNode rule : group.path("rules")) {
        String record = text(rule.path("record"));
        String alert = text(rule.path("alert"));
        String where = "rule '" + (alert != null ? alert : record) + "' of group '" + groupName + "'";
        if ((record == null) == (alert == null)) {
          throw new IllegalArgumentException("a rule of group '" + groupName + "' needs 'record' or 'alert'");
        }
        String expr = text(rule.path("expr"));
        if (expr == null) {
          throw new IllegalArgumentException(where + " has no 'expr'");
        }
        try {
          rules.add(new LoadedRule(fileName, groupName, interval, record, alert, PromQL.parse(expr),
              duration(rule.path("for"), "'for' of " + where), duration(rule.path("keep_firing_for"),
                  "'keep_firing_for' of " + where), labels(rule.path("labels"))));
        } catch (PromQLException e) {
          throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
      }
    }
    return rules;
  }

  private static java.util.SortedMap<String, String> labels(JsonNode labels) {
    java.util.SortedMap<String, String> out = new TreeMap<>();
    labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Duration duration(JsonNode node, String what) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    if (text.matches("0+(ms|s|m|h|d|w|y)?")) {
      return Duration.ZERO; // Prometheus' way of writing "not at all"
    }
    try {
      return PromDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " '" + text + "' is not a duration");
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
