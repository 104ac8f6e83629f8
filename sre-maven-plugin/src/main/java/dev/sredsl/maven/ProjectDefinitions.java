package dev.sredsl.maven;

import dev.sredsl.discovery.DefinitionsLoader;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.pipeline.InputsFingerprint;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** Loads a Maven project's definitions from its compiled classes and compile classpath. */
final class ProjectDefinitions {

  private ProjectDefinitions() {}

  static Declarations load(MavenProject project) throws MojoExecutionException {
    // The parent is the plugin's own class loader, so definitions use the plugin's copy of sre-dsl.
    return new DefinitionsLoader(ProjectDefinitions.class.getClassLoader()).load(classes(project), classpath(project));
  }

  /**
   * The fingerprint of what generation reads: the project's classes and classpath, the plugin's own
   * artifacts and the settings.
   */
  static String fingerprint(MavenProject project, List<Artifact> pluginArtifacts, Object settings)
      throws MojoExecutionException {
    List<Path> plugin = pluginArtifacts.stream().filter(a -> a.getFile() != null).map(a -> a.getFile().toPath())
        .toList();
    try {
      return InputsFingerprint.of(classes(project), classpath(project), plugin, settings);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private static Path classes(MavenProject project) {
    return Path.of(project.getBuild().getOutputDirectory());
  }

  private static List<Path> classpath(MavenProject project) throws MojoExecutionException {
    try {
      return project.getCompileClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's compile classpath is not resolved: " + e.getMessage(), e);
    }
  }
}
