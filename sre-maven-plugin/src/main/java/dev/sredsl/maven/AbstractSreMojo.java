package dev.sredsl.maven;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.pipeline.DefinitionsWithSpecs;
import dev.sredsl.pipeline.ProjectClasses;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal that reads the project's definitions shares: the project, the output, skipping. */
abstract class AbstractSreMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * Where the generated files go. Files the plugin wrote on an earlier run and no longer generates are
   * removed; other files in the folder are left alone.
   */
  @Parameter(property = "sre.outputDirectory", defaultValue = "${project.build.directory}/sre")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "sre.skip", defaultValue = "false")
  boolean skip;

  /**
   * A folder of FreeMarker templates ({@code runbook.md.ftl}, {@code index.md.ftl}) that replace the
   * defaults of the same name; the data model they receive is documented in the README. Every goal
   * validates the definitions with them, so that all give the same verdict.
   */
  @Parameter(property = "sre.templatesDirectory")
  File templatesDirectory;

  /**
   * How the SLO windows longer than five minutes are computed, where an SLO does not choose:
   * {@code recorded} (the default) averages them from each SLO's recorded 5-minute rates, whose cost
   * does not grow with the service's series; {@code raw} computes a rate over the raw series on every
   * evaluation. {@code sre:verify} backtests the rules in the same form.
   */
  @Parameter(property = "sre.sloWindowForm", defaultValue = "recorded")
  String sloWindowForm;

  /**
   * A folder of SLO specs in YAML read beside the Java definitions: Sloth {@code prometheus/v1} and
   * OpenSLO {@code openslo/v1} files ({@code .yml}, {@code .yaml}). A folder that does not exist holds
   * none. The README says how the specs and the Java definitions combine.
   */
  @Parameter(property = "sre.specsDirectory", defaultValue = "${project.basedir}/src/main/sre")
  File specsDirectory;

  /** Whether the goal has work to do; logs why not. */
  boolean shouldRun(String goal) {
    if (skip) {
      getLog().info("Skipping sre:" + goal + " (sre.skip=true)");
      return false;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().info("Skipping sre:" + goal + ": a project of packaging pom has no classes to read definitions from");
      return false;
    }
    return true;
  }

  /** The settings validation reads, for goals that generate nothing. */
  GenerationSettings validationSettings() throws MojoFailureException {
    return validationSettings(templatesDirectory).withSloWindowForm(sloWindowFormSetting());
  }

  /** The form of SLO windows the build chose; one line naming the values when it is none of them. */
  SloWindowForm sloWindowFormSetting() throws MojoFailureException {
    if (sloWindowForm == null || sloWindowForm.isBlank()) {
      return SloWindowForm.RECORDED;
    }
    for (SloWindowForm form : SloWindowForm.values()) {
      if (form.name().equalsIgnoreCase(sloWindowForm.strip())) {
        return form;
      }
    }
    throw new MojoFailureException("sre.sloWindowForm '" + sloWindowForm + "' is not a form of SLO windows; use"
        + " recorded (the default: long windows averaged from 5-minute recordings) or raw (a rate over the raw"
        + " series)");
  }

  /** Validation reads the templates and nothing else of the generation settings. */
  static GenerationSettings validationSettings(File templatesDirectory) {
    return new GenerationSettings(null, null, null, null, null, templatesDirectory, null);
  }

  /** The project's definitions: its Java definitions with the YAML specs of {@code specsDirectory}. */
  static DefinitionsWithSpecs definitions(MavenProject project, List<Artifact> tool, File specsDirectory)
      throws MojoExecutionException {
    return new DefinitionsWithSpecs(projectClasses(project, tool), specsDirectory.toPath(),
        project.getBasedir().toPath());
  }

  /** The project's definitions: its classes and compile classpath, and {@code tool}'s artifacts. */
  static ProjectClasses projectClasses(MavenProject project, List<Artifact> tool) throws MojoExecutionException {
    List<Path> classpath;
    try {
      classpath = project.getCompileClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's compile classpath is not resolved: " + e.getMessage(), e);
    }
    return new ProjectClasses(Path.of(project.getBuild().getOutputDirectory()), classpath,
        tool.stream().filter(a -> a.getFile() != null).map(a -> a.getFile().toPath()).toList());
  }
}
