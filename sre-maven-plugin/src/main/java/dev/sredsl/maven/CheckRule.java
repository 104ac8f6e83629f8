package dev.sredsl.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <rule>} of {@code sre:check}, configured like jacoco:check's:
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
 */
public class Rule {

  /** {@code BUILD} (all services together) or {@code SERVICE} (each service). */
  private String element = "SERVICE";
  /** Service-name patterns ({@code *} matches anything); none selects every service. */
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();
  private List<Limit> limits = new ArrayList<>();

  public String getElement() {
    return element;
  }

  public List<String> getIncludes() {
    return includes;
  }

  public List<String> getExcludes() {
    return excludes;
  }

  public List<Limit> getLimits() {
    return limits;
  }
}
