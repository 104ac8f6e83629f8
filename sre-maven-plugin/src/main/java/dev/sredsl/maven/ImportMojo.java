package dev.sredsl.maven;

import dev.sredsl.pipeline.ImportGoal;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.SettingException;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Converts SLO specs a team already has, Sloth {@code prometheus/v1} or OpenSLO {@code openslo/v1}, into
 * Java definitions classes, one per service, written as a person writes the DSL: convert once, then own
 * typed code. The specs are validated as the build would; nothing is written when they are wrong or a
 * class of that name exists. Run by hand, e.g.
 * {@code mvn sre:import -Dsre.from=slos/ -Dsre.importPackage=com.example.monitoring}.
 */
@Mojo(name = "import", requiresProject = true, threadSafe = true)
public class ImportMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The spec file, or a folder of them ({@code .yml}, {@code .yaml}), to convert. */
  @Parameter(property = "sre.from", required = true)
  private File from;

  /** The Java package of the written classes. */
  @Parameter(property = "sre.importPackage", defaultValue = "${project.groupId}.monitoring")
  private String importPackage;

  /** Where the classes go: the project's Java sources by default. */
  @Parameter(property = "sre.importDirectory", defaultValue = "${project.build.sourceDirectory}")
  private File importDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      ImportGoal.Outcome outcome = new ImportGoal().run(from.toPath(), project.getBasedir().toPath(), importPackage,
          importDirectory.toPath());
      outcome.messages().forEach(getLog()::info);
      outcome.warnings().forEach(getLog()::warn);
    } catch (SettingException wrong) {
      throw MojoFailures.setting(wrong);
    } catch (DefinitionException invalid) {
      throw MojoFailures.definitions(getLog(), invalid);
    } catch (UncheckedIOException e) {
      throw MojoFailures.io(e);
    }
  }
}
