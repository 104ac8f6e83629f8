package dev.sredsl.pipeline;

import dev.sredsl.coverage.CoverageReports;
import dev.sredsl.coverage.CoverageRules;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sre:check} does, without Maven: the coverage gate. Reads the rules and the baseline,
 * validates the definitions as every goal does, judges the coverage, and writes
 * {@code coverage/sre-coverage.json} and {@code .md} under the output folder. The caller logs the
 * outcome and fails the build when it did not pass; {@link GitHubActions} publishes it on CI.
 */
public final class CheckGoal {

  /** The folder under the output folder that the gate writes, and the only one. */
  public static final String REPORTS_FOLDER = "coverage";

  /** As {@link #run(DefinitionsSource, GenerationSettings, List, Path, Path, LocalDate)}, judged today (UTC). */
  public CheckOutcome run(DefinitionsSource source, GenerationSettings settings, List<CoverageRules.RuleText> rules,
      Path baseline, Path outputDirectory) {
    return run(source, settings, rules, baseline, outputDirectory, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * @param rules the rules as configured; none means the default policy
   * @param baseline an earlier {@code sre-coverage.json} no counter may drop below, or {@code null}
   * @param today the day waivers are judged on
   * @throws dev.sredsl.problem.SettingException when a rule or the baseline is wrong; nothing is written
   * @throws dev.sredsl.problem.DefinitionException when the definitions are invalid; nothing is written
   * @throws java.io.UncheckedIOException when the reports cannot be written
   */
  public CheckOutcome run(DefinitionsSource source, GenerationSettings settings, List<CoverageRules.RuleText> rules,
      Path baseline, Path outputDirectory, LocalDate today) {
    CoverageGate.Verdict verdict = CoverageGate.judge("sre:check", source, settings, rules, baseline, today);
    GeneratedFiles files = new GeneratedFiles();
    CoverageReports.write(verdict.coverage(), verdict.tables()).forEach(files::add);
    Path folder = outputDirectory.resolve(REPORTS_FOLDER);
    new OutputWriter().write(folder, files);
    String markdown = files.get(CoverageReports.MARKDOWN_FILE).orElseThrow().contentAsString();
    String summary = String.format(Locale.ROOT, "SRE coverage of %d services written to %s",
        verdict.coverage().services().size(), folder);
    return new CheckOutcome(verdict.tables(), markdown, verdict.tables().violations().isEmpty()
        ? List.of(summary, "All coverage checks have been met") : List.of(summary));
  }
}
