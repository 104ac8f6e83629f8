package dev.sredsl.specs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenSLO {@code openslo/v1} objects (a document each, or a list of them in one document) into
 * {@link OpenSloSpec}: SLOs with their indicators and alert conditions, inline or referenced. What
 * sre-dsl does not read is refused with one line at its place, never approximated: calendar windows,
 * Timeslices and RatioTimeslices budgeting, data sources other than Prometheus, composite SLOs, alert
 * conditions of another kind than {@code burnrate}, another API version. Beyond the SLOs it keeps
 * the services' descriptions, the alert policies' {@code displayName}s, and the query templates sre-dsl
 * writes in an indicator's annotations ({@value OpenSloSpec#TEMPLATE_ANNOTATION_PREFIX}{@code <role>}).
 */
public final class OpenSloReader {

  /** The only API version read. */
  public static final String API_VERSION = "openslo/v1";

  private static final List<String> KINDS = List.of("DataSource", "SLO", "SLI", "AlertPolicy", "AlertCondition",
      "AlertNotificationTarget", "Service");
  private static final List<String> OBJECT_FIELDS = List.of("apiVersion", "kind", "metadata", "spec");
  private static final List<String> METADATA_FIELDS = List.of("name", "displayName", "labels", "annotations");
  private static final List<String> SLO_FIELDS = List.of("description", "service", "indicator", "indicatorRef",
      "timeWindow", "budgetingMethod", "objectives", "alertPolicies");
  private static final List<String> SLI_FIELDS = List.of("description", "thresholdMetric", "ratioMetric");
  private static final List<String> RATIO_FIELDS = List.of("counter", "good", "bad", "total", "rawType", "raw");
  private static final List<String> OBJECTIVE_FIELDS = List.of("displayName", "op", "value", "target",
      "targetPercent", "timeSliceTarget", "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight");
  private static final List<String> POLICY_FIELDS = List.of("description", "alertWhenNoData", "alertWhenResolved",
      "alertWhenBreaching", "conditions", "notificationTargets");
  private static final List<String> CONDITION_FIELDS = List.of("description", "severity", "condition");
  private static final List<String> BURN_RATE_FIELDS = List.of("kind", "op", "threshold", "lookbackWindow",
      "alertAfter");
  private static final List<String> TEMPLATE_ROLES = List.of("good", "bad", "total", "error-ratio");
  private static final Pattern DURATION = Pattern.compile("([0-9]+)([mhdwMQY])");

  private final Map<String, YamlNode.Mapping> objects = new LinkedHashMap<>();

  private OpenSloReader() {}

  /** The SLOs of every object of the documents; references resolve across all of them. */
  public static OpenSloSpec read(List<YamlNode> documents) {
    OpenSloReader reader = new OpenSloReader();
    for (YamlNode document : documents) {
      if (document instanceof YamlNode.Sequence list) {
        list.items().forEach(reader::add);
      } else {
        reader.add(document);
      }
    }
    List<OpenSloSpec.OpenSloObjective> slos = new ArrayList<>();
    Map<String, String> serviceDescriptions = new LinkedHashMap<>();
    reader.objects.forEach((key, object) -> {
      if (key.startsWith("SLO/")) {
        slos.add(reader.slo(object));
      } else if (key.startsWith("Service/")) {
        YamlNode.Mapping spec = mapping(required(object, "spec"), "a Service's spec");
        Fields.onlyKnown(spec, List.of("description"), "an OpenSLO Service");
        String description = optionalText(spec, "description");
        if (description != null) {
          serviceDescriptions.put(name(object), description);
        }
      }
    });
    return new OpenSloSpec(slos, serviceDescriptions);
  }

  private void add(YamlNode node) {
    YamlNode.Mapping object = mapping(node, "an OpenSLO object");
    Fields.onlyKnown(object, OBJECT_FIELDS, "an OpenSLO object");
    String apiVersion = text(object, "apiVersion");
    if (!API_VERSION.equals(apiVersion)) {
      throw object.entries().get("apiVersion").problem("apiVersion '" + apiVersion + "' is not read; sre-dsl reads"
          + " OpenSLO " + API_VERSION + (apiVersion.startsWith("openslo/") ? ", so convert the file to it" : ""));
    }
    String kind = text(object, "kind");
    if (!KINDS.contains(kind)) {
      String closest = Fields.closest(kind, KINDS);
      throw object.entries().get("kind").problem("kind '" + kind + "' is no OpenSLO v1 kind"
          + (closest == null ? "; the kinds are " + String.join(", ", KINDS) : "; did you mean '" + closest + "'?"));
    }
    String name = name(object);
    String key = kind + "/" + name;
    if (objects.containsKey(key)) {
      throw object.problem(kind + " '" + name + "' is declared twice (first in " + objects.get(key).file() + " on line "
          + objects.get(key).line() + "); keep one");
    }
    objects.put(key, object);
  }

  private static String name(YamlNode.Mapping object) {
    YamlNode.Mapping metadata = mapping(required(object, "metadata"), "metadata");
    Fields.onlyKnown(metadata, METADATA_FIELDS, "OpenSLO metadata");
    return text(metadata, "name");
  }

  private OpenSloSpec.OpenSloObjective slo(YamlNode.Mapping object) {
    String name = name(object);
    YamlNode.Mapping spec = mapping(required(object, "spec"), "an SLO's spec");
    Fields.onlyKnown(spec, SLO_FIELDS, "an OpenSLO SLO");
    String budgeting = text(spec, "budgetingMethod");
    if (!budgeting.equals("Occurrences")) {
      throw spec.entries().get("budgetingMethod").problem("budgetingMethod " + budgeting + " is not supported:"
          + " sre-dsl's SLOs count events (Occurrences); " + (budgeting.endsWith("imeslices")
          ? "time slices would need a different error budget" : "use Occurrences"));
    }
    Duration window = window(required(spec, "timeWindow"));
    YamlNode objectivesNode = required(spec, "objectives");
    if (!(objectivesNode instanceof YamlNode.Sequence objectives) || objectives.items().size() != 1) {
      throw objectivesNode.problem("an SLO needs exactly one objective here; several (a composite SLO, or several"
          + " thresholds) are not supported: declare one SLO per objective");
    }
    YamlNode.Mapping objective = mapping(objectives.items().get(0), "an objective");
    Fields.onlyKnown(objective, OBJECTIVE_FIELDS, "an OpenSLO objective");
    for (String composite : List.of("indicator", "indicatorRef", "compositeWeight")) {
      if (objective.entries().containsKey(composite)) {
        throw objective.problemAtKey(composite, "composite SLOs are not supported: give the indicator on the SLO");
      }
    }
    YamlNode.Mapping sliObject = indicator(spec);
    YamlNode.Mapping sli = mapping(required(sliObject, "spec"), "an indicator's spec");
    OpenSloSpec.Indicator indicator = indicator(sli, objective);
    return new OpenSloSpec.OpenSloObjective(name, text(spec, "service"), optionalText(spec, "description"),
        indicator, window, targetPercent(objective), alerts(spec), spec.entries().containsKey("alertPolicies"),
        queryTemplates(sliObject), object);
  }

  /**
   * The query templates sre-dsl keeps in an indicator's annotations, by role; annotations of other
   * names are the team's and are left alone.
   */
  private static Map<String, String> queryTemplates(YamlNode.Mapping sliObject) {
    Map<String, String> templates = new LinkedHashMap<>();
    YamlNode metadataNode = sliObject.entries().get("metadata");
    if (metadataNode == null) {
      return templates;
    }
    YamlNode.Mapping metadata = mapping(metadataNode, "metadata");
    Fields.onlyKnown(metadata, METADATA_FIELDS, "OpenSLO metadata");
    YamlNode annotations = metadata.entries().get("annotations");
    if (annotations == null) {
      return templates;
    }
    for (Map.Entry<String, YamlNode> annotation : mapping(annotations, "annotations").entries().entrySet()) {
      String key = annotation.getKey();
      if (key.startsWith(OpenSloSpec.TEMPLATE_ANNOTATION_PREFIX)) {
        String role = key.substring(OpenSloSpec.TEMPLATE_ANNOTATION_PREFIX.length());
        if (!TEMPLATE_ROLES.contains(role)) {
          throw ((YamlNode.Mapping) annotations).problemAtKey(key, "annotation '" + key + "' names no count; the"
              + " roles are " + String.join(", ", TEMPLATE_ROLES));
        }
        templates.put(role, text((YamlNode.Mapping) annotations, key));
      }
    }
    return templates;
  }

  private static Duration window(YamlNode node) {
    if (!(node instanceof YamlNode.Sequence list) || list.items().size() != 1) {
      throw node.problem("timeWindow must list exactly one window");
    }
    YamlNode.Mapping window = mapping(list.items().get(0), "a time window");
    Fields.onlyKnown(window, List.of("duration", "isRolling", "calendar"), "an OpenSLO time window");
    if (window.entries().containsKey("calendar")) {
      throw window.problemAtKey("calendar", "calendar-aligned windows are not supported: sre-dsl's SLOs roll; give"
          + " isRolling: true and a duration such as 28d");
    }
    YamlNode rolling = window.entries().get("isRolling");
    if (rolling == null || !"true".equals(((YamlNode.Scalar) rolling).text())) {
      throw (rolling == null ? window : rolling).problem("only rolling windows are read; give isRolling: true");
    }
    return duration(required(window, "duration"), "duration");
  }

  /** A duration shorthand of fixed length: minutes to weeks. */
  private static Duration duration(YamlNode node, String field) {
    String text = node instanceof YamlNode.Scalar s && s.text() != null ? s.text() : "";
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw node.problem(field + " '" + text + "' is no duration shorthand; write a number and one of m, h, d, w,"
          + " e.g. 28d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> throw node.problem(field + " '" + text + "' has no fixed length (months, quarters and years"
          + " differ); give it in days or weeks, e.g. 30d");
    };
  }

  private static BigDecimal targetPercent(YamlNode.Mapping objective) {
    boolean target = objective.entries().containsKey("target");
    boolean percent = objective.entries().containsKey("targetPercent");
    if (target == percent) {
      throw objective.problem("an objective gives either target (e.g. 0.999) or targetPercent (e.g. 99.9), "
          + (target ? "not both" : "and has neither"));
    }
    BigDecimal value = number(objective.entries().get(target ? "target" : "targetPercent"),
        target ? "target" : "targetPercent");
    return target ? value.movePointRight(2) : value;
  }

  /** The indicator object: the inline one, or the SLI its reference names. */
  private YamlNode.Mapping indicator(YamlNode.Mapping spec) {
    boolean inline = spec.entries().containsKey("indicator");
    boolean ref = spec.entries().containsKey("indicatorRef");
    if (inline == ref) {
      throw spec.problem("an SLO gives either indicator or indicatorRef, " + (inline ? "not both" : "and has neither"));
    }
    if (inline) {
      return mapping(spec.entries().get("indicator"), "an indicator");
    }
    String name = text(spec, "indicatorRef");
    YamlNode.Mapping sli = objects.get("SLI/" + name);
    if (sli == null) {
      throw spec.entries().get("indicatorRef").problem("indicatorRef '" + name + "' names no SLI of the specs");
    }
    return sli;
  }

  private OpenSloSpec.Indicator indicator(YamlNode.Mapping sli, YamlNode.Mapping objective) {
    Fields.onlyKnown(sli, SLI_FIELDS, "an OpenSLO SLI");
    if (sli.entries().containsKey("thresholdMetric") == sli.entries().containsKey("ratioMetric")) {
      throw sli.problem("an SLI gives either ratioMetric or thresholdMetric");
    }
    if (sli.entries().containsKey("thresholdMetric")) {
      String query = query(required(sli, "thresholdMetric"));
      String op = text(objective, "op");
      if (!List.of("lt", "lte", "gt", "gte").contains(op)) {
        throw objective.entries().get("op").problem("op '" + op + "' is none of lt, lte, gt, gte");
      }
      return new OpenSloSpec.Indicator.Threshold(query, op, number(required(objective, "value"), "value"));
    }
    YamlNode.Mapping ratio = mapping(sli.entries().get("ratioMetric"), "ratioMetric");
    Fields.onlyKnown(ratio, RATIO_FIELDS, "an OpenSLO ratioMetric");
    if (ratio.entries().containsKey("raw")) {
      String rawType = text(ratio, "rawType");
      if (!rawType.equals("success") && !rawType.equals("failure")) {
        throw ratio.entries().get("rawType").problem("rawType '" + rawType + "' is neither success nor failure");
      }
      return new OpenSloSpec.Indicator.PrecomputedRatio(query(ratio.entries().get("raw")), rawType.equals("failure"));
    }
    boolean good = ratio.entries().containsKey("good");
    boolean bad = ratio.entries().containsKey("bad");
    if (good == bad) {
      throw ratio.problem("a ratioMetric gives either good or bad events, " + (good ? "not both" : "and has neither"));
    }
    YamlNode counter = ratio.entries().get("counter");
    boolean isCounter = counter == null || "true".equals(((YamlNode.Scalar) counter).text());
    return new OpenSloSpec.Indicator.Ratio(isCounter, good ? query(ratio.entries().get("good")) : null,
        bad ? query(ratio.entries().get("bad")) : null, query(required(ratio, "total")));
  }

  /** A metric source's Prometheus query; another type of data source is refused. */
  private String query(YamlNode node) {
    YamlNode.Mapping holder = mapping(node, "a metric");
    YamlNode.Mapping source = mapping(required(holder, "metricSource"), "metricSource");
    Fields.onlyKnown(source, List.of("metricSourceRef", "type", "spec"), "an OpenSLO metricSource");
    String type = optionalText(source, "type");
    if (type == null && source.entries().containsKey("metricSourceRef")) {
      String ref = text(source, "metricSourceRef");
      YamlNode.Mapping dataSource = objects.get("DataSource/" + ref);
      if (dataSource == null) {
        throw source.entries().get("metricSourceRef").problem("metricSourceRef '" + ref + "' names no DataSource of"
            + " the specs, and no type is given");
      }
      type = text(mapping(required(dataSource, "spec"), "a DataSource's spec"), "type");
    }
    if (type == null) {
      throw source.problem("a metricSource needs a type (Prometheus) or a metricSourceRef");
    }
    if (!type.equalsIgnoreCase("Prometheus")) {
      throw source.problem("data source type '" + type + "' is not read: sre-dsl generates Prometheus rules, so it"
          + " reads Prometheus queries only");
    }
    return text(mapping(required(source, "spec"), "a metricSource's spec"), "query");
  }

  private List<OpenSloSpec.BurnRateCondition> alerts(YamlNode.Mapping spec) {
    List<OpenSloSpec.BurnRateCondition> alerts = new ArrayList<>();
    YamlNode policies = spec.entries().get("alertPolicies");
    if (policies == null) {
      return alerts;
    }
    if (!(policies instanceof YamlNode.Sequence list)) {
      throw policies.problem("alertPolicies must be a list");
    }
    for (YamlNode item : list.items()) {
      YamlNode.Mapping policy = resolve(mapping(item, "an alert policy"), "alertPolicyRef", "AlertPolicy");
      YamlNode.Mapping policySpec = mapping(required(policy, "spec"), "an alert policy's spec");
      Fields.onlyKnown(policySpec, POLICY_FIELDS, "an OpenSLO AlertPolicy");
      YamlNode conditions = required(policySpec, "conditions");
      if (!(conditions instanceof YamlNode.Sequence cs) || cs.items().size() != 1) {
        throw conditions.problem("an alert policy has exactly one condition");
      }
      YamlNode.Mapping condition = resolve(mapping(cs.items().get(0), "an alert condition"), "conditionRef",
          "AlertCondition");
      alerts.add(burnRate(condition, displayName(policy)));
    }
    return alerts;
  }

  /** The object a reference names, or the inline one. */
  private YamlNode.Mapping resolve(YamlNode.Mapping item, String refField, String kind) {
    if (!item.entries().containsKey(refField)) {
      return item;
    }
    String ref = text(item, refField);
    YamlNode.Mapping object = objects.get(kind + "/" + ref);
    if (object == null) {
      throw item.entries().get(refField).problem(refField + " '" + ref + "' names no " + kind + " of the specs");
    }
    return object;
  }

  /** An object's {@code metadata.displayName}, with its place, or {@code null}. */
  private static YamlNode.Scalar displayName(YamlNode.Mapping object) {
    name(object);
    YamlNode.Mapping metadata = (YamlNode.Mapping) object.entries().get("metadata");
    if (!metadata.entries().containsKey("displayName")) {
      return null;
    }
    text(metadata, "displayName");
    return (YamlNode.Scalar) metadata.entries().get("displayName");
  }

  private static OpenSloSpec.BurnRateCondition burnRate(YamlNode.Mapping object, YamlNode.Scalar alertName) {
    String name = name(object);
    YamlNode.Mapping spec = mapping(required(object, "spec"), "an alert condition's spec");
    Fields.onlyKnown(spec, CONDITION_FIELDS, "an OpenSLO AlertCondition");
    YamlNode.Mapping condition = mapping(required(spec, "condition"), "a condition");
    Fields.onlyKnown(condition, BURN_RATE_FIELDS, "an OpenSLO burnrate condition");
    String kind = condition.entries().containsKey("kind") ? text(condition, "kind") : "burnrate";
    if (!kind.equals("burnrate")) {
      throw condition.entries().get("kind").problem("condition kind '" + kind + "' is not read; sre-dsl's SLO alerts"
          + " are burn-rate alerts (kind: burnrate)");
    }
    String op = text(condition, "op");
    if (!op.equals("gt") && !op.equals("gte")) {
      throw condition.entries().get("op").problem("op '" + op + "' alerts while the burn rate is low; sre-dsl's burn-rate"
          + " alerts fire when it is high: use gt or gte");
    }
    Duration alertAfter = condition.entries().containsKey("alertAfter")
        ? duration(condition.entries().get("alertAfter"), "alertAfter") : Duration.ZERO;
    return new OpenSloSpec.BurnRateCondition(name, text(spec, "severity"), op,
        number(required(condition, "threshold"), "threshold"),
        duration(required(condition, "lookbackWindow"), "lookbackWindow"), alertAfter, alertName, object);
  }

  private static YamlNode required(YamlNode.Mapping mapping, String field) {
    YamlNode node = mapping.entries().get(field);
    if (node == null) {
      throw mapping.problem("'" + field + "' is missing");
    }
    return node;
  }

  private static YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    throw node.problem(what + " must be a mapping of fields, is " + node.kind());
  }

  private static String text(YamlNode.Mapping mapping, String field) {
    YamlNode node = required(mapping, field);
    if (!(node instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
      throw node.problem("'" + field + "' must be a text, is " + node.kind());
    }
    return s.text();
  }

  private static String optionalText(YamlNode.Mapping mapping, String field) {
    return mapping.entries().containsKey(field) ? text(mapping, field) : null;
  }

  private static BigDecimal number(YamlNode node, String field) {
    try {
      return new BigDecimal(((YamlNode.Scalar) node).text().strip());
    } catch (ClassCastException | NumberFormatException | NullPointerException e) {
      throw node.problem("'" + field + "' must be a number");
    }
  }
}
