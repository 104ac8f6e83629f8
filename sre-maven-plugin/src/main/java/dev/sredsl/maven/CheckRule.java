package dev.sredsl.maven;

import dev.sredsl.coverage.CoverageRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <rule>} of {@code sre:check} and {@code sre:report}, configured like jacoco:check's:
 *
 * <pre>{@code
 * <rule>
 *   <element>SERVICE</element>
 *   <includes><include>checkout*</include></includes>
 *   <limits>
 *     <limit><counter>RUNBOOK</counter><value>COVEREDRATIO</value><minimum>1.0</minimum></limit>
 *   </limits>
 * </rule>
 * }</pre>
 *
 * The words are read, and refused with a message, by the library ({@link CoverageRules}).
 */
public class CheckRule {

  /** {@code BUILD} (all services together) or {@code SERVICE} (each service). */
  private String element = "SERVICE";
  /** Service-name patterns ({@code *} matches anything); none selects every service. */
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();
  private List<CheckLimit> limits = new ArrayList<>();

  CoverageRules.RuleText text() {
    return new CoverageRules.RuleText(element, includes, excludes,
        limits == null ? List.of() : limits.stream().map(CheckLimit::text).toList());
  }

  static List<CoverageRules.RuleText> texts(List<CheckRule> rules) {
    return rules == null ? List.of() : rules.stream().map(CheckRule::text).toList();
  }
}
