package dev.sredsl.testing;

import dev.sredsl.discovery.DefinitionsLoader;
import dev.sredsl.dsl.Declarations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The definitions of a project under {@code examples/}, compiled and loaded as the plugin does. */
public final class ExampleProjects {

  private ExampleProjects() {}

  public static Declarations load(String example, Path work) throws IOException {
    Path sources = Path.of("..", "examples", example, "src", "main", "java");
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        files.put(sources.relativize(file).toString(), Files.readString(file));
      }
    }
    Path classes = JavaSources.compile(work, files);
    return new DefinitionsLoader(ExampleProjects.class.getClassLoader()).load(classes, List.of());
  }
}
