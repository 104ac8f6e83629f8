package dev.sredsl.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the mojo tests share. Every test gets a real {@link MavenProject} of packaging jar in a
 * temporary folder ({@code target/classes}, {@code target/sre}), the one the harness hands to the mojo
 * as {@code ${project}}, so that {@code ${project.build.directory}} and relative {@code File}
 * parameters resolve inside that folder and never in this module's own {@code target}. The mojo's log
 * is a {@link CapturingLog}. A test puts the definitions of its scenario into the project's classes
 * with {@link #compile(Class[])} before it calls {@code execute()}.
 *
 * <p>The harness calls the {@code @Provides} methods once per test, before the test's parameters are
 * resolved (and so before the mojo is configured); {@code @Inject} fields are filled at the same time.
 */
abstract class MojoTestSupport {

  @TempDir
  Path basedir;

  final CapturingLog log = new CapturingLog();

  MavenProject project;

  @Inject
  MavenSession session;

  @Provides
  MavenProject project() {
    project = new MavenProject();
    project.setGroupId("com.example");
    project.setArtifactId("unit-test-service");
    project.setVersion("1.0.0-SNAPSHOT");
    project.setPackaging("jar");
    project.setFile(basedir.resolve("pom.xml").toFile());
    Build build = new Build();
    build.setDirectory(basedir.resolve("target").toString());
    build.setOutputDirectory(basedir.resolve("target/classes").toString());
    project.setBuild(build);
    return project;
  }

  @Provides
  Log log() {
    return log;
  }

  /** The test's {@link UserProperty} annotations, in the session before the mojo reads them. */
  @BeforeEach
  final void userProperties(TestInfo test) {
    test.getTestMethod().ifPresent(method -> {
      for (UserProperty property : method.getAnnotationsByType(UserProperty.class)) {
        session.getUserProperties().setProperty(property.name(), property.value());
      }
    });
  }

  /**
   * Copies the compiled definitions classes (with their nested classes) from this module's test classes
   * into the project's {@code target/classes}, as if the project had compiled them; the plugin finds
   * exactly these and no other fixture.
   */
  final void compile(Class<?>... definitions) {
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    for (Class<?> type : definitions) {
      try {
        Path classFile = Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
        Path target = classes.resolve(type.getPackageName().replace('.', '/'));
        Files.createDirectories(target);
        try (Stream<Path> siblings = Files.list(classFile.getParent())) {
          for (Path sibling : siblings.filter(p -> p.getFileName().toString().equals(type.getSimpleName() + ".class")
              || p.getFileName().toString().startsWith(type.getSimpleName() + "$")).toList()) {
            Files.copy(sibling, target.resolve(sibling.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A file of the project, by a path relative to its folder. */
  final Path file(String relative) {
    return basedir.resolve(relative);
  }
}
