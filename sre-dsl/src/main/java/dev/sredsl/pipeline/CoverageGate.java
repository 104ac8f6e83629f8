package dev.sredsl.pipeline;

import dev.sredsl.coverage.Baseline;
import dev.sredsl.coverage.Coverage;
import dev.sredsl.coverage.CoverageAnalyzer;
import dev.sredsl.coverage.CoverageCheck;
import dev.sredsl.coverage.CoverageRule;
import dev.sredsl.coverage.CoverageRules;
import dev.sredsl.coverage.CoverageTables;
import dev.sredsl.generate.GenerationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The gate's verdict as both {@code sre:check} and {@code sre:report} reach it: settings first (rules
 * and baseline, so that a wrong setting fails before any class is loaded), then the validation stage,
 * then the coverage judged by the rules and the baseline.
 */
final class CoverageGate {

  private CoverageGate() {}

  /** The coverage and the tables that show it, with the violations. */
  record Verdict(Coverage coverage, Baseline baseline, CoverageTables tables) {}

  /**
   * @param goal the goal, for messages about its settings
   * @param baseline an earlier {@code sre-coverage.json}, or {@code null}
   */
  static Verdict judge(String goal, DefinitionsSource source, GenerationSettings settings,
      List<CoverageRules.RuleText> rules, Path baseline, LocalDate today) {
    List<CoverageRule> policy = CoverageRules.parse(goal, rules);
    Baseline base = baseline == null ? null : Baseline.read(baseline, "sre.baseline");
    ValidDefinitions valid = new SrePipeline().validate(source.load(), settings);
    Coverage coverage = new CoverageAnalyzer(today).analyze(valid.services());
    List<String> violations = CoverageCheck.violations(coverage, policy, base);
    return new Verdict(coverage, base, CoverageTables.of(coverage, violations, base));
  }
}
