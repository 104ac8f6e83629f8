package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;
import java.util.List;

/**
 * A rule of the coverage gate, as {@code jacoco:check} words them: for each element (the whole build
 * or each service whose name the includes and excludes select), every limit must hold.
 *
 * @param includes service-name patterns with {@code *}; empty selects every service
 */
public record CoverageRule(Element element, List<String> includes, List<String> excludes, List<Limit> limits) {

  public enum Element { BUILD, SERVICE }

  public enum Value { COVEREDRATIO, MISSEDRATIO, COVEREDCOUNT, MISSEDCOUNT, TOTALCOUNT }

  /** A bound on one value of one counter; {@code null} for no bound. */
  public record Limit(CoverageCounter counter, Value value, Double minimum, Double maximum) {}

  public CoverageRule {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    limits = List.copyOf(limits);
  }

  /**
   * The policy without configuration: every alert has a runbook (a paging alert's complete), every
   * service shows the four golden signals and has a team, an on-call rotation and an escalation,
   * and every critical service has an SLO.
   */
  public static final List<CoverageRule> DEFAULT_POLICY = List.of(new CoverageRule(Element.SERVICE, List.of(), List.of(),
      List.of(
          new Limit(CoverageCounter.RUNBOOK, Value.COVEREDRATIO, 1.0, null),
          new Limit(CoverageCounter.SIGNALS, Value.COVEREDRATIO, 1.0, null),
          new Limit(CoverageCounter.OWNERSHIP, Value.COVEREDRATIO, 1.0, null),
          new Limit(CoverageCounter.SLO, Value.COVEREDRATIO, 1.0, null))));

  boolean selects(String service) {
    boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> matches(p, service));
    return included && excludes.stream().noneMatch(p -> matches(p, service));
  }

  private static boolean matches(String pattern, String name) {
    return name.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
  }
}
