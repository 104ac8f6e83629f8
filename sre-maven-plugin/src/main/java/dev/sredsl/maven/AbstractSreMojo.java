package dev.sredsl.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
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
}
