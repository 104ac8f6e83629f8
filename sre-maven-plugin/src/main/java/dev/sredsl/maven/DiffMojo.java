package dev.sredsl.maven;

import dev.sredsl.pipeline.DiffGoal;
import dev.sredsl.pipeline.DiffOutcome;
import dev.sredsl.pipeline.GitHubActions;
import dev.sredsl.problem.SettingException;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The monitoring plan of a change: compares the output {@code sre:generate} wrote with a baseline's (the
 * main branch's {@code target/sre}, or a zip of it) and writes {@code diff/sre-diff.md} and
 * {@code sre-diff.json}: the changes that reduce protection first, then alerts and their receivers,
 * SLOs and error budgets, recording rules, dashboards, runbooks, ownership and coverage per service.
 * On GitHub Actions the plan goes into the step summary. Runs after {@code sre:generate}, e.g.
 * {@code mvn process-classes sre:diff -Dsre.diffBaseline=../main/target/sre}.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DiffMojo extends AbstractSreMojo {

  /**
   * The baseline: the {@code target/sre} folder of the build to compare with (e.g. main's), or a zip of
   * one. Without it the goal says so and does nothing.
   */
  @Parameter(property = "sre.diffBaseline")
  private File diffBaseline;

  /**
   * The risks that fail the build unless the definitions acknowledge them ({@code acknowledgeRisk}):
   * names of {@code dev.sredsl.diff.Risk} ({@code ALERT_REMOVED}, {@code SEVERITY_LOWERED},
   * {@code THRESHOLD_LOOSENED}, {@code FOR_LENGTHENED}, {@code WINDOW_WIDENED}, {@code SLO_LOWERED},
   * {@code SLO_ALERTS_OFF}, {@code ROUTE_LOST_RECEIVER}, {@code ESCALATION_REMOVED},
   * {@code OWNERSHIP_REMOVED}), or {@code ALL}. None by default: the plan reports them only.
   */
  @Parameter(property = "sre.failOnRisks")
  private List<String> failOnRisks;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!shouldRun("diff")) {
      return;
    }
    if (diffBaseline == null) {
      getLog().info("Skipping sre:diff: no baseline to compare with; set sre.diffBaseline to a target/sre folder"
          + " or a zip of one");
      return;
    }
    DiffOutcome outcome;
    try {
      outcome = new DiffGoal().run(diffBaseline.toPath(), outputDirectory.toPath(), failOnRisks);
      GitHubActions.publish("SRE diff", outcome.markdown(), outcome.violations(), outcome.risks(), System.getenv(),
          System.out);
    } catch (SettingException wrong) {
      throw MojoFailures.setting(wrong);
    } catch (UncheckedIOException e) {
      throw MojoFailures.io(e);
    }
    outcome.messages().forEach(getLog()::info);
    outcome.risks().forEach(getLog()::warn);
    outcome.violations().forEach(getLog()::error);
    if (!outcome.passed()) {
      throw new MojoFailureException("sre:diff: " + outcome.violations().size() + " unacknowledged "
          + (outcome.violations().size() == 1 ? "change reduces" : "changes reduce")
          + " protection; see the lines above");
    }
  }
}
