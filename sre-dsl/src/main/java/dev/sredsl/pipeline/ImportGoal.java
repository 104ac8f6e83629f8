package dev.sredsl.pipeline;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.migrate.JavaDefinitionsWriter;
import dev.sredsl.model.Service;
import dev.sredsl.problem.SettingException;
import dev.sredsl.specs.ImportedSlo;
import dev.sredsl.specs.ImportedSlos;
import dev.sredsl.specs.SpecFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.SourceVersion;

/**
 * What {@code sre:import} does, without Maven: reads Sloth or OpenSLO YAML, validates it as the build
 * would, and writes one Java definitions class per service, so that a team converts once and owns
 * typed code. Nothing is written when the specs are wrong or a class would replace a file.
 */
public final class ImportGoal {

  /** What the goal did. */
  public record Outcome(List<Path> written, List<String> messages, List<String> warnings) {}

  /**
   * @param from a spec file, or a folder of them
   * @param projectFolder what file names in messages are relative to
   * @param packageName the Java package of the classes, e.g. {@code com.example.monitoring}
   * @param sourceRoot where Java sources go, e.g. {@code src/main/java}
   * @throws dev.sredsl.problem.DefinitionException with every problem of the specs; nothing is written
   * @throws SettingException when the package or {@code from} is wrong, or a class exists already
   * @throws UncheckedIOException when a file cannot be written
   */
  public Outcome run(Path from, Path projectFolder, String packageName, Path sourceRoot) {
    if (packageName == null || !SourceVersion.isName(packageName)) {
      throw new SettingException("sre.importPackage '" + packageName + "' is not a Java package name; give one such"
          + " as com.example.monitoring");
    }
    List<Path> files = SpecFiles.list(from);
    if (files.isEmpty()) {
      throw new SettingException("sre.from " + from + " holds no .yml or .yaml spec; give a Sloth or OpenSLO file, or"
          + " a folder of them");
    }
    DefinitionsWithSpecs specs = new DefinitionsWithSpecs(DefinitionsSource.of(new Declarations(List.of(),
        List.of())), from, projectFolder);
    Declarations declarations = specs.load();
    // The same verdict as a build that reads the specs: a spec the build refuses is not converted.
    ValidDefinitions valid = new SrePipeline().validate(declarations, new GenerationSettings(null, null, null));
    Map<String, java.util.Set<String>> origins = origins(files, projectFolder);
    Path packageFolder = sourceRoot.resolve(packageName.replace('.', '/'));
    Map<Path, String> sources = new LinkedHashMap<>();
    JavaDefinitionsWriter writer = new JavaDefinitionsWriter();
    for (Service service : valid.services()) {
      Path target = packageFolder.resolve(JavaDefinitionsWriter.className(service.name()) + ".java");
      if (Files.exists(target)) {
        throw new SettingException(target + " exists already; move it away, or import into another package with"
            + " -Dsre.importPackage=...");
      }
      sources.put(target, writer.write(packageName, String.join(", ", origins.get(service.name())), service));
    }
    List<Path> written = write(sources);
    List<String> messages = new ArrayList<>();
    messages.add(String.format(Locale.ROOT, "Imported %d services from %s into %s", written.size(),
        SpecFiles.nameOf(from, projectFolder), packageFolder));
    written.forEach(file -> messages.add("  " + file.getFileName()));
    messages.add("Remove the imported specs from the build's specs folder once the classes are in: otherwise both"
        + " declare the same SLOs, and the build refuses that");
    return new Outcome(written, messages, specs.warnings());
  }

  /** The spec files each service's SLOs come from, for the header of its class. */
  private static Map<String, java.util.Set<String>> origins(List<Path> files, Path projectFolder) {
    Map<String, java.util.Set<String>> origins = new LinkedHashMap<>();
    for (ImportedSlos file : SpecFiles.read(files, projectFolder).files()) {
      for (ImportedSlo slo : file.slos()) {
        origins.computeIfAbsent(slo.service(), s -> new java.util.TreeSet<>()).add(slo.at().file());
      }
    }
    return origins;
  }

  /** Each file through a temporary one beside it, so that none is left half-written. */
  private static List<Path> write(Map<Path, String> sources) {
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> source : sources.entrySet()) {
        Path target = source.getKey();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".sre-import-", ".tmp");
        Files.writeString(temporary, source.getValue());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the imported definitions: " + e.getMessage(), e);
    }
    return written;
  }
}
