package dev.sredsl.pipeline;

import dev.sredsl.coverage.CoverageRules;
import dev.sredsl.coverage.CoverageTables;
import dev.sredsl.generate.GenerationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What {@code sre:report} does, without Maven: the gate's verdict under the same rules and baseline
 * as {@code sre:check}, as tables for a report page; it writes nothing itself.
 */
public final class ReportGoal {

  /**
   * @throws dev.sredsl.problem.SettingException when a rule or the baseline is wrong
   * @throws dev.sredsl.problem.DefinitionException when the definitions are invalid
   */
  public CoverageTables run(DefinitionsSource source, GenerationSettings settings,
      List<CoverageRules.RuleText> rules, Path baseline) {
    return run(source, settings, rules, baseline, LocalDate.now(ZoneOffset.UTC));
  }

  /** As {@link #run(DefinitionsSource, GenerationSettings, List, Path)}, with waivers judged on {@code today}. */
  public CoverageTables run(DefinitionsSource source, GenerationSettings settings,
      List<CoverageRules.RuleText> rules, Path baseline, LocalDate today) {
    return CoverageGate.judge("sre:report", source, settings, rules, baseline, today).tables();
  }
}
