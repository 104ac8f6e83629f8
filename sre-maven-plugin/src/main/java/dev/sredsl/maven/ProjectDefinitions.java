package dev.sredsl.maven;

import dev.sredsl.discovery.DefinitionsLoader;
import dev.sredsl.dsl.Declarations;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** Loads a Maven project's definitions from its compiled classes and compile classpath. */
final class ProjectDefinitions {

  private ProjectDefinitions() {}

  static Declarations load(MavenProject project) throws MojoExecutionException {
    List<Path> classpath;
    try {
      classpath = project.getCompileClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's compile classpath is not resolved: " + e.getMessage(), e);
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    // The parent is the plugin's own class loader, so definitions use the plugin's copy of sre-dsl.
    return new DefinitionsLoader(ProjectDefinitions.class.getClassLoader()).load(classes, classpath);
  }
}
