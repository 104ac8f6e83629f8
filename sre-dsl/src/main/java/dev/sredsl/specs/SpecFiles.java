package dev.sredsl.specs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The YAML specs of a folder ({@code src/main/sre/} by default), every {@code .yml} and {@code .yaml}
 * file below it in path order, each document told apart by its first field: Sloth's
 * {@code version: prometheus/v1} or OpenSLO's {@code apiVersion: openslo/v1}. OpenSLO documents are read
 * together, as an SLO may refer to an SLI or an alert policy written in another file.
 */
public final class SpecFiles {

  /** What the folder declares, and one line for each file that could not be read. */
  public record Read(List<ImportedSlos> files, List<String> problems) {

    public Read {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  private SpecFiles() {}

  /**
   * The spec files below {@code folder}, in path order; none when the folder does not exist; the file
   * itself when {@code folder} is one.
   */
  public static List<Path> list(Path folder) {
    if (Files.isRegularFile(folder)) {
      return List.of(folder);
    }
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).filter(SpecFiles::isYaml)
          .sorted((a, b) -> folder.relativize(a).toString().replace('\\', '/')
              .compareTo(folder.relativize(b).toString().replace('\\', '/')))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the specs in " + folder + ": " + e.getMessage(), e);
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  /**
   * Reads the specs of {@code files}, each named in messages relative to {@code base} (the project's
   * folder), e.g. {@code src/main/sre/checkout.yml}. A file's problem does not stop the others'.
   */
  public static Read read(List<Path> files, Path base) {
    List<ImportedSlos> imported = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<YamlNode> openSlo = new ArrayList<>();
    for (Path file : files) {
      String name = nameOf(file, base);
      try {
        List<YamlNode> sloth = new ArrayList<>();
        for (YamlNode document : SpecYaml.read(file, name)) {
          if (isSloth(document)) {
            sloth.add(document);
          } else if (isOpenSlo(document)) {
            openSlo.add(document);
          } else {
            throw document.problem("neither a Sloth spec (version: \"" + SlothSpecReader.VERSION + "\") nor OpenSLO"
                + " (apiVersion: " + OpenSloReader.API_VERSION + "); only those two are read from the specs folder");
          }
        }
        if (!sloth.isEmpty()) {
          imported.add(SlothSlos.toModel(name, SlothSpecReader.read(sloth)));
        }
      } catch (SpecException problem) {
        problems.add(problem.getMessage());
      }
    }
    if (!openSlo.isEmpty()) {
      try {
        imported.add(OpenSloSlos.toModel(openSlo.get(0).file(), OpenSloReader.read(openSlo)));
      } catch (SpecException problem) {
        problems.add(problem.getMessage());
      }
    }
    return new Read(imported, problems);
  }

  /** How messages name {@code file}: relative to {@code base} when below it. */
  public static String nameOf(Path file, Path base) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
  }

  private static boolean isSloth(YamlNode document) {
    return document instanceof YamlNode.Mapping m && m.entries().containsKey("version");
  }

  private static boolean isOpenSlo(YamlNode document) {
    return document instanceof YamlNode.Mapping m && m.entries().containsKey("apiVersion");
  }
}
