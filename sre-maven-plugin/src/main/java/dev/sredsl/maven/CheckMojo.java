package dev.sredsl.maven;

import dev.sredsl.pipeline.CheckGoal;
import dev.sredsl.pipeline.CheckOutcome;
import dev.sredsl.pipeline.GitHubActions;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.SettingException;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The coverage gate: counts what the definitions cover (runbooks, golden signals, dependencies, SLOs,
 * ownership, alert hygiene), writes {@code coverage/sre-coverage.json} and {@code .md}, and fails the
 * build when a rule is not met, with one line per violation a reviewer can act on.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractSreMojo {

  /** Fail the build when a rule is not met; otherwise only warn. */
  @Parameter(property = "sre.haltOnFailure", defaultValue = "true")
  private boolean haltOnFailure;

  /**
   * The rules. Without any, the default policy applies: every alert has a runbook (a paging alert's
   * complete), every service shows the four golden signals and has a team, on-call and escalation,
   * and every critical service has an SLO.
   */
  @Parameter
  private List<CheckRule> rules;

  /** A previous {@code sre-coverage.json} (e.g. from main): no counter may drop below it. */
  @Parameter(property = "sre.baseline")
  private File baseline;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!shouldRun("check")) {
      return;
    }
    CheckOutcome outcome;
    try {
      outcome = new CheckGoal().run(definitions(project, List.of(), specsDirectory), validationSettings(), CheckRule.texts(rules),
          baseline == null ? null : baseline.toPath(), outputDirectory.toPath());
      GitHubActions.publish(outcome, System.getenv(), System.out);
    } catch (SettingException wrong) {
      throw MojoFailures.setting(wrong);
    } catch (DefinitionException invalid) {
      throw MojoFailures.definitions(getLog(), invalid);
    } catch (UncheckedIOException e) {
      throw MojoFailures.io(e);
    }
    outcome.messages().forEach(getLog()::info);
    outcome.violations().forEach(getLog()::warn);
    if (!outcome.passed() && haltOnFailure) {
      throw new MojoFailureException("Coverage checks have not been met. See log for details.");
    }
  }
}
