package dev.sredsl.generate;

import dev.sredsl.model.Alert;
import dev.sredsl.model.Service;
import java.util.Locale;

/**
 * Names that more than one generator uses: file paths, rule-group names, runbook anchors. Derived
 * here once so that, e.g., an alert's {@code runbook_url} and the runbook's heading cannot drift.
 */
public final class Naming {

  private Naming() {}

  public static String rulesFile(Service service) {
    return "prometheus/" + service.name() + ".rules.yml";
  }

  public static String alertGroup(Service service) {
    return service.name() + "-alerts";
  }

  public static String runbookFile(Service service) {
    return service.name() + ".md";
  }

  /**
   * The anchor of an alert's section in the service runbook. The section heading is the alert name,
   * and GitHub's heading anchors lower-case the text (alert names are ASCII letters and digits only).
   */
  public static String runbookAnchor(Alert alert) {
    return alert.name().toLowerCase(Locale.ROOT);
  }

  /** The alert's deep link into its runbook, or {@code null} without a runbook base URL. */
  public static String runbookUrl(GenerationSettings settings, Service service, Alert alert) {
    if (settings.runbookBaseUrl() == null) {
      return null;
    }
    return settings.runbookBaseUrl() + "/" + runbookFile(service) + "#" + runbookAnchor(alert);
  }
}
