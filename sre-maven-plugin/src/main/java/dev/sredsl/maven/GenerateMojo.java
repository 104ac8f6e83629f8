package dev.sredsl.maven;

import dev.sredsl.generate.AlertmanagerSettings;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.pipeline.GenerateGoal;
import dev.sredsl.pipeline.DefinitionsWithSpecs;
import dev.sredsl.problem.DefinitionException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Loads the project's SRE definitions from its compiled classes, validates them and writes the
 * generated monitoring artifacts under {@code target/sre}. Invalid definitions fail the build with one
 * line per problem. When nothing it reads changed since its last complete run and its files are as
 * that run wrote them, it says so and does nothing ({@code sre.force} to generate anyway).
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class GenerateMojo extends AbstractSreMojo {

  /**
   * Where the generated runbooks are published; alerts link to {@code <runbookBaseUrl>/<service>.md#<alert>}
   * in their {@code runbook_url} annotation. Without it the annotation is left out.
   */
  @Parameter(property = "sre.runbookBaseUrl")
  private String runbookBaseUrl;

  /**
   * The Grafana that serves the generated dashboards; alerts link to {@code <grafanaBaseUrl>/d/<uid>}
   * in their {@code dashboard_url} annotation. Without it the annotation is left out.
   */
  @Parameter(property = "sre.grafanaBaseUrl")
  private String grafanaBaseUrl;

  /**
   * Metadata labels of the generated {@code PrometheusRule} objects, for the Prometheus Operator's
   * {@code ruleSelector}, e.g. {@code <release>prometheus</release>}.
   */
  @Parameter
  private Map<String, String> prometheusRuleLabels;

  /**
   * The folder on the Grafana host that its file provider reads the dashboards from, written into
   * {@code grafana/provisioning/dashboards.yaml}; default {@code /var/lib/grafana/dashboards/sre-dsl}, the
   * same on every build machine. Deploy {@code grafana/dashboards/} there.
   */
  @Parameter(property = "sre.grafanaDashboardsPath")
  private String grafanaDashboardsPath;

  /**
   * The {@code matchLabels} of the generated {@code GrafanaDashboard} objects' {@code instanceSelector},
   * by default {@code dashboards: grafana}.
   */
  @Parameter
  private Map<String, String> grafanaInstanceSelector;

  /** Receiver of alerts from services without a team, in the generated Alertmanager routes. */
  @Parameter(property = "sre.alertmanager.defaultReceiver")
  private String alertmanagerDefaultReceiver;

  /** Receiver of a team's critical alerts; {@code {team}} stands for the team. Default {@code {team}-page}. */
  @Parameter(property = "sre.alertmanager.pageReceiver")
  private String alertmanagerPageReceiver;

  /** Receiver of a team's warnings; default {@code {team}-ticket}. */
  @Parameter(property = "sre.alertmanager.ticketReceiver")
  private String alertmanagerTicketReceiver;

  /** Receiver of a team's info alerts; default {@code {team}-chat}. */
  @Parameter(property = "sre.alertmanager.chatReceiver")
  private String alertmanagerChatReceiver;

  /**
   * Generates even when the output is up to date. Without it, a run whose classes, classpath, plugin
   * and settings are those of the last complete run, and whose output files are all still as that run
   * wrote them, skips loading and generating.
   */
  @Parameter(property = "sre.force", defaultValue = "false")
  private boolean force;

  /** The plugin and its dependencies: another version of either generates again. */
  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!shouldRun("generate")) {
      return;
    }
    GenerationSettings settings = new GenerationSettings(runbookBaseUrl, grafanaBaseUrl, prometheusRuleLabels,
        grafanaDashboardsPath, grafanaInstanceSelector, templatesDirectory,
        new AlertmanagerSettings(alertmanagerDefaultReceiver, alertmanagerPageReceiver,
            alertmanagerTicketReceiver, alertmanagerChatReceiver)).withSloWindowForm(sloWindowFormSetting());
    DefinitionsWithSpecs definitions = definitions(project, pluginArtifacts, specsDirectory);
    try {
      new GenerateGoal().run(definitions, settings, outputDirectory.toPath(), force).messages()
          .forEach(getLog()::info);
      definitions.warnings().forEach(getLog()::warn);
    } catch (DefinitionException invalid) {
      throw MojoFailures.definitions(getLog(), invalid);
    } catch (UncheckedIOException e) {
      throw MojoFailures.io(e);
    }
  }
}
