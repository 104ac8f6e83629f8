package dev.sredsl.specs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Sloth {@code prometheus/v1} specs (one per YAML document) into {@link SlothSpec}s, refusing
 * what sre-dsl does not read, each with one line at its place: another version, an unknown field (with
 * the closest known one), Sloth's SLI and SLO plugins, a template other than {@code {{.window}}}.
 */
public final class SlothSpecReader {

  /** The only version read. */
  public static final String VERSION = "prometheus/v1";

  private static final List<String> SPEC_FIELDS = List.of("version", "service", "labels", "slos", "slo_plugins");
  private static final List<String> SLO_FIELDS = List.of("name", "objective", "description", "labels", "sli",
      "alerting", "plugins");
  private static final List<String> SLI_FIELDS = List.of("events", "raw", "plugin");
  private static final List<String> EVENTS_FIELDS = List.of("error_query", "total_query");
  private static final List<String> RAW_FIELDS = List.of("error_ratio_query");
  private static final List<String> ALERTING_FIELDS = List.of("name", "labels", "annotations", "page_alert",
      "ticket_alert");
  private static final List<String> TIER_FIELDS = List.of("disable", "labels", "annotations");

  /** Sloth's placeholder, with or without spaces inside the braces. */
  private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");

  private SlothSpecReader() {}

  /** The specs of a file's documents, in order. */
  public static List<SlothSpec> read(List<YamlNode> documents) {
    List<SlothSpec> specs = new ArrayList<>();
    for (YamlNode document : documents) {
      specs.add(spec(document));
    }
    return specs;
  }

  private static SlothSpec spec(YamlNode document) {
    YamlNode.Mapping root = mapping(document, "a Sloth spec");
    Fields.onlyKnown(root, SPEC_FIELDS, "a Sloth prometheus/v1 spec");
    String version = text(root, "version", true);
    if (!VERSION.equals(version)) {
      throw root.entries().get("version").problem("version '" + version + "' is not Sloth's " + VERSION + ";"
          + " sre-dsl reads Sloth's prometheus/v1 specs, not its Kubernetes resources or OpenSLO v1alpha");
    }
    if (root.entries().containsKey("slo_plugins")) {
      throw root.problemAtKey("slo_plugins", "Sloth's SLO plugins are not supported: sre-dsl cannot run Sloth's Go"
          + " plugins; remove slo_plugins, and say in Java what they added");
    }
    String service = text(root, "service", true);
    Map<String, String> labels = labels(root, "labels");
    YamlNode slosNode = root.entries().get("slos");
    if (slosNode == null) {
      throw root.problem("'slos' is missing; a Sloth spec lists its SLOs under slos:");
    }
    if (!(slosNode instanceof YamlNode.Sequence slos) || slos.items().isEmpty()) {
      throw slosNode.problem("'slos' must be a list of at least one SLO, is " + slosNode.kind());
    }
    List<SlothSpec.SpecSlo> list = new ArrayList<>();
    for (YamlNode item : slos.items()) {
      list.add(slo(item));
    }
    return new SlothSpec(document.file(), service, labels, list);
  }

  private static SlothSpec.SpecSlo slo(YamlNode node) {
    YamlNode.Mapping slo = mapping(node, "an SLO");
    Fields.onlyKnown(slo, SLO_FIELDS, "a Sloth SLO");
    if (slo.entries().containsKey("plugins")) {
      throw slo.problemAtKey("plugins", "Sloth's SLO plugins are not supported: sre-dsl cannot run Sloth's Go"
          + " plugins; remove plugins, and say in Java what they added");
    }
    String name = text(slo, "name", true);
    YamlNode objectiveNode = slo.entries().get("objective");
    if (objectiveNode == null) {
      throw slo.problem("SLO '" + name + "': 'objective' is missing; give the percentage promised, e.g. 99.9");
    }
    BigDecimal objective;
    try {
      objective = new BigDecimal(((YamlNode.Scalar) objectiveNode).text().strip());
    } catch (ClassCastException | NumberFormatException | NullPointerException e) {
      throw objectiveNode.problem("'objective' must be a number of percent, e.g. 99.9");
    }
    YamlNode sliNode = slo.entries().get("sli");
    if (sliNode == null) {
      throw slo.problem("SLO '" + name + "': 'sli' is missing; give events (error_query and total_query) or raw"
          + " (error_ratio_query)");
    }
    return new SlothSpec.SpecSlo(name, objective, text(slo, "description", false), labels(slo, "labels"), sli(sliNode),
        alerting(slo.entries().get("alerting")), slo);
  }

  private static SlothSpec.Sli sli(YamlNode node) {
    YamlNode.Mapping sli = mapping(node, "an SLI");
    Fields.onlyKnown(sli, SLI_FIELDS, "a Sloth SLI");
    if (sli.entries().containsKey("plugin")) {
      throw sli.problemAtKey("plugin", "Sloth's SLI plugins are not supported: sre-dsl cannot run Sloth's Go plugins;"
          + " write the plugin's queries as events (error_query, total_query) or raw (error_ratio_query)");
    }
    if (sli.entries().size() != 1) {
      throw sli.problem("an SLI is either events or raw, not " + (sli.entries().isEmpty() ? "neither" : "both"));
    }
    if (sli.entries().containsKey("events")) {
      YamlNode.Mapping events = mapping(sli.entries().get("events"), "events");
      Fields.onlyKnown(events, EVENTS_FIELDS, "Sloth's events SLI");
      return new SlothSpec.Sli.Events(query(events, "error_query"), query(events, "total_query"));
    }
    YamlNode.Mapping raw = mapping(sli.entries().get("raw"), "raw");
    Fields.onlyKnown(raw, RAW_FIELDS, "Sloth's raw SLI");
    return new SlothSpec.Sli.RawRatio(query(raw, "error_ratio_query"));
  }

  /** A query with Sloth's placeholder written as sre-dsl's; any other template is refused. */
  private static String query(YamlNode.Mapping mapping, String field) {
    String query = text(mapping, field, true);
    YamlNode at = mapping.entries().get(field);
    if (!WINDOW.matcher(query).find()) {
      throw at.problem(field + " has no {{.window}}; put it where the window goes, e.g. rate(x[{{.window}}]), or"
          + " every window of the SLO would read the same range");
    }
    String converted = WINDOW.matcher(query).replaceAll(Matcher.quoteReplacement("${window}"));
    Matcher other = TEMPLATE.matcher(converted);
    if (other.find()) {
      throw at.problem(field + " uses the template " + other.group() + "; only {{.window}} is read");
    }
    return converted.strip();
  }

  private static SlothSpec.Alerting alerting(YamlNode node) {
    if (node == null) {
      return SlothSpec.Alerting.DEFAULT;
    }
    YamlNode.Mapping alerting = mapping(node, "alerting");
    Fields.onlyKnown(alerting, ALERTING_FIELDS, "Sloth's alerting");
    return new SlothSpec.Alerting(text(alerting, "name", false), labels(alerting, "labels"),
        labels(alerting, "annotations"), tier(alerting.entries().get("page_alert")),
        tier(alerting.entries().get("ticket_alert")));
  }

  private static SlothSpec.AlertSettings tier(YamlNode node) {
    if (node == null) {
      return SlothSpec.AlertSettings.ON;
    }
    YamlNode.Mapping tier = mapping(node, "an alert's settings");
    Fields.onlyKnown(tier, TIER_FIELDS, "a Sloth alert");
    boolean disabled = false;
    YamlNode disable = tier.entries().get("disable");
    if (disable != null) {
      String text = disable instanceof YamlNode.Scalar s ? s.text() : null;
      if (!"true".equals(text) && !"false".equals(text)) {
        throw disable.problem("'disable' must be true or false");
      }
      disabled = "true".equals(text);
    }
    return new SlothSpec.AlertSettings(disabled, labels(tier, "labels"), labels(tier, "annotations"));
  }

  private static YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    throw node.problem(what + " must be a mapping of fields, is " + node.kind());
  }

  private static String text(YamlNode.Mapping mapping, String field, boolean required) {
    YamlNode node = mapping.entries().get(field);
    if (node == null || (node instanceof YamlNode.Scalar s && s.text() == null)) {
      if (required) {
        throw mapping.problem("'" + field + "' is missing");
      }
      return null;
    }
    if (!(node instanceof YamlNode.Scalar scalar) || scalar.text().isBlank()) {
      throw node.problem("'" + field + "' must be a text, is " + (node instanceof YamlNode.Scalar ? "blank"
          : node.kind()));
    }
    return scalar.text();
  }

  private static Map<String, String> labels(YamlNode.Mapping mapping, String field) {
    YamlNode node = mapping.entries().get(field);
    Map<String, String> labels = new LinkedHashMap<>();
    if (node == null) {
      return labels;
    }
    YamlNode.Mapping map = mapping(node, "'" + field + "'");
    map.entries().forEach((key, value) -> {
      if (!(value instanceof YamlNode.Scalar scalar) || scalar.text() == null) {
        throw value.problem("'" + field + "." + key + "' must be a text, is " + value.kind());
      }
      labels.put(key, scalar.text());
    });
    return labels;
  }
}
