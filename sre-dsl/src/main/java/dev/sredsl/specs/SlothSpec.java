package dev.sredsl.specs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A Sloth {@code prometheus/v1} spec as read, checked for shape and nothing more: what the file says,
 * each SLO with the place it is written, so that what the build makes of it can still point there.
 * Queries keep Sloth's {@code {{.window}}} placeholder, already written as sre-dsl's {@code ${window}}.
 *
 * @param file the file, as messages name it
 * @param service the service the SLOs are of
 * @param labels labels of every SLO's series and alerts
 * @param slos the SLOs, in the file's order
 */
public record SlothSpec(String file, String service, Map<String, String> labels, List<SpecSlo> slos) {

  public SlothSpec {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    slos = List.copyOf(slos);
  }

  /**
   * One SLO of the spec.
   *
   * @param name the SLO's name
   * @param objective the percentage promised, as written
   * @param description what it means, or {@code null}
   * @param labels labels of this SLO's series and alerts
   * @param sli how its errors are measured
   * @param alerting how its burn-rate alerts are named, labelled and switched
   * @param at where the SLO is written
   */
  public record SpecSlo(String name, BigDecimal objective, String description, Map<String, String> labels, Sli sli,
      Alerting alerting, YamlNode at) {

    public SpecSlo {
      labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }
  }

  /** How an SLO's errors are measured. */
  public sealed interface Sli {

    /** Error events over all events, each a query of events per second over the window. */
    record Events(String errorQuery, String totalQuery) implements Sli {}

    /** The error ratio itself, a query over the window. */
    record RawRatio(String errorRatioQuery) implements Sli {}
  }

  /**
   * The burn-rate alerts of an SLO.
   *
   * @param name the name both alerts share (Sloth tells them apart by labels), or {@code null}
   * @param labels labels of both alerts
   * @param annotations annotations of both alerts
   * @param page the page alert's own settings
   * @param ticket the ticket alert's own settings
   */
  public record Alerting(String name, Map<String, String> labels, Map<String, String> annotations,
      AlertSettings page, AlertSettings ticket) {

    public Alerting {
      labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
      annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
    }

    /** No alerting settings: both alerts on, no name, labels or annotations of the spec's. */
    public static final Alerting DEFAULT = new Alerting(null, Map.of(), Map.of(), AlertSettings.ON, AlertSettings.ON);
  }

  /**
   * One alert's settings.
   *
   * @param disabled whether the spec switches the alert off
   * @param labels the alert's own labels
   * @param annotations the alert's own annotations
   */
  public record AlertSettings(boolean disabled, Map<String, String> labels, Map<String, String> annotations) {

    public AlertSettings {
      labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
      annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
    }

    public static final AlertSettings ON = new AlertSettings(false, Map.of(), Map.of());
  }
}
