package dev.sredsl.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Service;
import dev.sredsl.testing.JavaSources;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Written definitions classes compiled as a team's build would compile them (all lint warnings on),
 * loaded in a class loader of their own and run on a new registry each: what each declares.
 */
final class CompiledDefinitions {

  private CompiledDefinitions() {}

  /**
   * Compiles the sources in one run, which must give no error nor warning, and runs each class.
   *
   * @param workDir an empty folder for the sources and classes
   * @param sources fully qualified class name to source
   * @return fully qualified class name to the one service the class declares, in the order given
   */
  static Map<String, Service> declare(Path workDir, Map<String, String> sources) throws Exception {
    Path classes = compile(workDir, sources);
    Map<String, Service> declared = new LinkedHashMap<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        CompiledDefinitions.class.getClassLoader())) {
      for (String className : sources.keySet()) {
        SreDefinitions definitions = (SreDefinitions) loader.loadClass(className).getConstructor().newInstance();
        SreRegistry registry = new SreRegistry();
        registry.collect(definitions);
        Declarations declarations = registry.declarations();
        assertEquals(List.of(), declarations.problems(), className + " declares with problems");
        assertEquals(1, declarations.services().size(), className + " declares one service");
        declared.put(className, declarations.services().get(0));
      }
    }
    return declared;
  }

  private static Path compile(Path workDir, Map<String, String> sources) throws IOException {
    Path sourceRoot = workDir.resolve("src");
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      // The library under test alone is the class path: the written code needs nothing else.
      List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-Xlint:all", "-proc:none",
          "-d", classes.toString(), "-cp", JavaSources.libraryLocation().toString());
      boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
      List<String> findings = diagnostics.getDiagnostics().stream()
          .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":"
              + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .toList();
      assertEquals(List.of(), findings, "the written sources compile without errors, warnings or notes");
      assertEquals(true, compiled, "the written sources compile");
    }
    return classes;
  }
}
