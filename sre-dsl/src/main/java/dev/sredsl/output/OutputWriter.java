package dev.sredsl.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes generated files under an output directory so that a failed run leaves the previous output
 * intact: every file is first written to a staging folder inside the output directory, then moved
 * into place with an atomic rename. Files whose bytes did not change are left alone (their timestamps
 * too). Files this writer produced last time but not this time are deleted; it never deletes a file
 * it did not write, which it knows from the manifest it keeps beside the output.
 */
public final class OutputWriter {

  /** Lists, one per line, the files the last run wrote; only these are ever deleted. */
  public static final String MANIFEST = ".sre-manifest";
  private static final String STAGING_PREFIX = ".sre-staging-";

  /** What a write did. */
  public record Result(int written, int unchanged, int deleted) {}

  public Result write(Path outputDirectory, GeneratedFiles files) {
    try {
      Files.createDirectories(outputDirectory);
      removeLeftoverStaging(outputDirectory);
      Path staging = outputDirectory.resolve(STAGING_PREFIX + UUID.randomUUID());
      try {
        List<GeneratedFile> changed = stage(outputDirectory, staging, files);
        for (GeneratedFile file : changed) {
          Path target = outputDirectory.resolve(file.path());
          Files.createDirectories(target.getParent());
          move(staging.resolve(file.path()), target);
        }
        Set<String> previous = readManifest(outputDirectory);
        Set<String> current = new LinkedHashSet<>();
        files.all().forEach(f -> current.add(f.path()));
        int deleted = deleteStale(outputDirectory, previous, current);
        writeManifest(outputDirectory, staging, current);
        return new Result(changed.size(), files.size() - changed.size(), deleted);
      } finally {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated files under " + outputDirectory + ": " + e, e);
    }
  }

  /** Writes the files that differ from what is on disk into the staging folder. */
  private static List<GeneratedFile> stage(Path outputDirectory, Path staging, GeneratedFiles files)
      throws IOException {
    List<GeneratedFile> changed = new ArrayList<>();
    for (GeneratedFile file : files.all()) {
      Path existing = outputDirectory.resolve(file.path());
      byte[] content = file.content();
      if (Files.isRegularFile(existing) && Arrays.equals(Files.readAllBytes(existing), content)) {
        continue;
      }
      Path staged = staging.resolve(file.path());
      Files.createDirectories(staged.getParent());
      Files.write(staged, content);
      changed.add(file);
    }
    return changed;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Set<String> readManifest(Path outputDirectory) throws IOException {
    Path manifest = outputDirectory.resolve(MANIFEST);
    Set<String> paths = new LinkedHashSet<>();
    if (Files.isRegularFile(manifest)) {
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          paths.add(line.strip());
        }
      }
    }
    return paths;
  }

  private static void writeManifest(Path outputDirectory, Path staging, Set<String> paths) throws IOException {
    Path staged = staging.resolve(MANIFEST);
    Files.createDirectories(staging);
    Files.writeString(staged, String.join("\n", paths) + (paths.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
    move(staged, outputDirectory.resolve(MANIFEST));
  }

  private static int deleteStale(Path outputDirectory, Set<String> previous, Set<String> current)
      throws IOException {
    Path root = outputDirectory.toAbsolutePath().normalize();
    int deleted = 0;
    for (String path : previous) {
      if (current.contains(path)) {
        continue;
      }
      Path stale = root.resolve(path).normalize();
      // A manifest edited by hand must not lead outside the output directory.
      if (!stale.startsWith(root) || stale.equals(root)) {
        continue;
      }
      if (Files.deleteIfExists(stale)) {
        deleted++;
        removeEmptyParents(root, stale.getParent());
      }
    }
    return deleted;
  }

  private static void removeEmptyParents(Path root, Path dir) throws IOException {
    while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  private static void removeLeftoverStaging(Path outputDirectory) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(outputDirectory, STAGING_PREFIX + "*")) {
      for (Path leftover : entries) {
        deleteTree(leftover);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
