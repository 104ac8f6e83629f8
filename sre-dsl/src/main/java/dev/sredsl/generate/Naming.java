package dev.sredsl.generate;

import dev.sredsl.model.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names that more than one generator uses: file paths, rule-group names, runbook anchors, dashboard
 * uids (the names of generated alerts are in {@code dev.sredsl.conventions.AlertNames}). Derived here once so that, e.g., an alert's {@code runbook_url} and
 * the runbook's heading cannot drift apart.
 */
public final class Naming {

  /** Grafana's limit on dashboard uids. */
  static final int MAX_UID_LENGTH = 40;

  private Naming() {}

  public static String rulesFile(Service service) {
    return "prometheus/" + service.name() + ".rules.yml";
  }

  public static String rulesTestFile(Service service) {
    return "prometheus/" + service.name() + ".rules.test.yml";
  }

  /**
   * The recording rules that fill the history of a service's base series from its raw series, for
   * {@code promtool tsdb create-blocks-from rules}. Outside {@code prometheus/}, so that a rule-files
   * glob of that folder never loads them beside the live rules.
   */
  public static String backfillRulesFile(Service service) {
    return "backfill/" + service.name() + ".rules.yml";
  }

  public static String prometheusRuleFile(Service service) {
    return "kubernetes/" + service.name() + ".prometheusrule.yaml";
  }

  /** The service's SLOs in OpenSLO v1, for tools that read that format. */
  public static String openSloFile(Service service) {
    return "openslo/" + service.name() + ".yaml";
  }

  public static String group(Service service, String purpose) {
    return service.name() + "-" + purpose;
  }

  public static String runbookFile(Service service) {
    return service.name() + ".md";
  }

  /**
   * The anchor of an alert's section in the service runbook. The section heading is the alert name,
   * and GitHub's heading anchors lower-case the text (alert names are ASCII letters and digits only).
   */
  public static String runbookAnchor(String alertName) {
    return alertName.toLowerCase(Locale.ROOT);
  }

  /** The alert's deep link into its runbook, or {@code null} without a runbook base URL. */
  public static String runbookUrl(GenerationSettings settings, Service service, String alertName) {
    if (settings.runbookBaseUrl() == null) {
      return null;
    }
    return settings.runbookBaseUrl() + "/" + runbookFile(service) + "#" + runbookAnchor(alertName);
  }

  /**
   * The uid of the service's dashboard: the service name, or, for names longer than Grafana's 40
   * characters, its start and a hash of the whole name, so that two long names never share a uid.
   */
  public static String dashboardUid(Service service) {
    String name = service.name();
    if (name.length() <= MAX_UID_LENGTH) {
      return name;
    }
    return name.substring(0, MAX_UID_LENGTH - 9) + "-" + sha256(name).substring(0, 8);
  }

  /** The dashboard's address, or {@code null} without a Grafana base URL. */
  public static String dashboardUrl(GenerationSettings settings, Service service) {
    if (settings.grafanaBaseUrl() == null) {
      return null;
    }
    return settings.grafanaBaseUrl() + "/d/" + dashboardUid(service);
  }

  /**
   * Metadata of the Kubernetes objects generated for a service: name {@code <service>-sre} and the
   * recommended labels, plus {@code extraLabels}.
   */
  public static java.util.Map<String, Object> kubernetesMetadata(Service service,
      java.util.Map<String, String> extraLabels) {
    java.util.Map<String, String> labels = new java.util.TreeMap<>();
    labels.put("app.kubernetes.io/managed-by", "sre-dsl");
    labels.put("app.kubernetes.io/name", service.name());
    labels.putAll(extraLabels);
    java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("name", service.name() + "-sre");
    metadata.put("labels", labels);
    return metadata;
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
