package dev.sredsl.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.SreDefinitions;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources written in a test into a classes folder, as a user's build would. */
public final class JavaSources {

  private JavaSources() {}

  /**
   * @param sources file path relative to the source root (e.g. {@code com/acme/Defs.java}) to content
   * @return the folder holding the compiled classes
   */
  public static Path compile(Path workDir, Map<String, String> sources) throws IOException {
    Path src = workDir.resolve("src");
    Path classes = workDir.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
        "-cp", libraryLocation().toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int exit = compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertTrue(exit == 0, () -> "test sources do not compile:\n" + diagnostics);
    return classes;
  }

  /** Where the sre-dsl classes under test were loaded from. */
  public static Path libraryLocation() {
    try {
      return Path.of(SreDefinitions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
