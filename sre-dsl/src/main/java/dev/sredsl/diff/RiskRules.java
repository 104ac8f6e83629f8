package dev.sredsl.diff;

import dev.sredsl.problem.SettingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which risks fail the build ({@code failOnRisks}): kinds by name, {@code ALL}, or none. A risk the
 * definitions acknowledge never fails it.
 */
public final class RiskRules {

  private final Set<Risk> failOn;

  private RiskRules(Set<Risk> failOn) {
    this.failOn = failOn;
  }

  /**
   * @param names risk names as configured ({@code ALERT_REMOVED}, {@code all}, ...); {@code null} or
   *     empty for none
   * @param setting the setting's name, for the message
   * @throws SettingException naming an unknown risk and the known ones
   */
  public static RiskRules parse(List<String> names, String setting) {
    Set<Risk> risks = EnumSet.noneOf(Risk.class);
    if (names != null) {
      for (String raw : names) {
        for (String name : raw.split(",")) {
          String risk = name.strip().toUpperCase(Locale.ROOT);
          if (risk.isEmpty() || risk.equals("NONE")) {
            continue;
          }
          if (risk.equals("ALL")) {
            risks.addAll(EnumSet.allOf(Risk.class));
            continue;
          }
          try {
            risks.add(Risk.valueOf(risk));
          } catch (IllegalArgumentException unknown) {
            throw new SettingException(setting + ": " + name.strip() + " is no risk; use ALL, NONE or some of "
                + Arrays.stream(Risk.values()).map(Enum::name).collect(Collectors.joining(", ")));
          }
        }
      }
    }
    return new RiskRules(risks);
  }

  /** The risks of the plan that fail the build, one line each, with the way to acknowledge them. */
  public List<String> violations(Plan plan) {
    List<String> lines = new ArrayList<>();
    for (RiskFinding risk : plan.unacknowledgedRisks()) {
      if (failOn.contains(risk.risk())) {
        lines.add(risk.line() + "; if this is meant, say why in the definitions: " + acknowledgeHint(risk));
      }
    }
    return lines;
  }

  private static String acknowledgeHint(RiskFinding risk) {
    // What no longer exists, and what is not an alert, is acknowledged on the service.
    return switch (risk.risk()) {
      case ALERT_REMOVED, SLO_LOWERED, SLO_ALERTS_OFF, OWNERSHIP_REMOVED ->
          "service.acknowledgeRisk(\"" + risk.element() + "\", \"why\")";
      default -> ".acknowledgeRisk(\"why\") on alert " + risk.element();
    };
  }

  public boolean failsOnAny() {
    return !failOn.isEmpty();
  }
}
