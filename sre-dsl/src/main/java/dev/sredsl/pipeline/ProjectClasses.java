package dev.sredsl.pipeline;

import dev.sredsl.discovery.DefinitionsLoader;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreDefinitions;
import java.nio.file.Path;
import java.util.List;

/**
 * A project's definitions as a build tool finds them: the compiled classes, searched for
 * {@link SreDefinitions} implementations, the classpath they are loaded with, and the artifacts of
 * the tool that runs generation (a new version of the tool generates again).
 *
 * @param classes the project's compiled classes
 * @param classpath the project's compile classpath
 * @param tool the running tool's own artifacts (the plugin and its dependencies); may be empty
 */
public record ProjectClasses(Path classes, List<Path> classpath, List<Path> tool) implements DefinitionsSource {

  public ProjectClasses {
    classpath = List.copyOf(classpath);
    tool = List.copyOf(tool);
  }

  /** Loads with this library's own class loader as parent, so definitions share its copy of the DSL. */
  @Override
  public Declarations load() {
    return new DefinitionsLoader(SreDefinitions.class.getClassLoader()).load(classes, classpath);
  }

  /** @throws java.io.UncheckedIOException when an input cannot be read */
  @Override
  public String fingerprint(Object settings) {
    return InputsFingerprint.of(classes, classpath, tool, settings);
  }
}
