package dev.sredsl.pipeline;

import dev.sredsl.diff.MonitoringDiff;
import dev.sredsl.diff.OutputTree;
import dev.sredsl.diff.Plan;
import dev.sredsl.diff.PlanJson;
import dev.sredsl.diff.PlanMarkdown;
import dev.sredsl.diff.RiskRules;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.problem.SettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sre:diff} does, without Maven: compares the baseline's output with the current
 * {@code target/sre} (which {@code sre:generate} wrote), writes {@code diff/sre-diff.md} and
 * {@code diff/sre-diff.json} under the output folder, and judges the risks by the rules. Reads no
 * classes: the current output is the generated files, so the goal runs after {@code sre:generate}.
 */
public final class DiffGoal {

  /** The folder under the output folder that the goal writes, and the only one. */
  public static final String REPORTS_FOLDER = "diff";
  public static final String MARKDOWN_FILE = "sre-diff.md";
  public static final String JSON_FILE = "sre-diff.json";
  /** The setting that names the baseline. */
  public static final String BASELINE_SETTING = "sre.diffBaseline";
  /** The setting that names the risks that fail the build. */
  public static final String RULES_SETTING = "sre.failOnRisks";

  /**
   * @param baseline a previous {@code target/sre} folder, or a zip of one
   * @param outputDirectory the current output, {@code target/sre}
   * @param failOnRisks the risk rules as configured; none means the plan only reports
   * @throws SettingException when the baseline, the current output or a rule is wrong; nothing is written
   * @throws java.io.UncheckedIOException when the plan cannot be written
   */
  public DiffOutcome run(Path baseline, Path outputDirectory, List<String> failOnRisks) {
    RiskRules rules = RiskRules.parse(failOnRisks, RULES_SETTING);
    if (!Files.isRegularFile(outputDirectory.resolve(OutputWriter.MANIFEST))) {
      throw new SettingException("sre:diff: " + outputDirectory + " holds no generated output; run sre:generate"
          + " first, e.g. mvn process-classes sre:diff");
    }
    OutputTree before = OutputTree.read(baseline, BASELINE_SETTING);
    OutputTree after = OutputTree.read(outputDirectory, "sre.outputDirectory");
    Plan plan = new MonitoringDiff(BASELINE_SETTING).compare(before, after);
    String markdown = PlanMarkdown.render(plan);
    GeneratedFiles files = new GeneratedFiles();
    files.add(GeneratedFile.text(MARKDOWN_FILE, markdown));
    files.add(GeneratedFile.text(JSON_FILE, PlanJson.render(plan)));
    Path folder = outputDirectory.resolve(REPORTS_FOLDER);
    new OutputWriter().write(folder, files);
    List<String> messages = new ArrayList<>();
    messages.add(plan.isEmpty() ? "sre:diff: " + PlanMarkdown.NO_CHANGE + " Plan written to " + folder
        : String.format(Locale.ROOT, "sre:diff: %d changes in %d of %d services, %d reducing protection (%d"
            + " acknowledged); plan written to %s", plan.changeCount(), plan.services().size(),
            plan.servicesCompared(), plan.risks().size(), plan.risks().size() - plan.unacknowledgedRisks().size(),
            folder));
    List<String> warnings = new ArrayList<>();
    plan.unacknowledgedRisks().forEach(risk -> warnings.add(risk.line()));
    return new DiffOutcome(plan, markdown, messages, warnings, rules.violations(plan));
  }
}
