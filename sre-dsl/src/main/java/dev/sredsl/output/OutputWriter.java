package dev.sredsl.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes generated files under an output directory so that a failed run leaves the previous output
 * intact: every file is first written to a staging folder inside the output directory, then moved
 * into place with an atomic rename. Files whose bytes did not change are left alone (their timestamps
 * too). Files this writer produced last time but not this time are deleted; it never deletes a file
 * it did not write, which it knows from the manifest it keeps beside the output.
 *
 * <p>Files can be handed over one at a time ({@link #open}), so that a build of thousands of services
 * never holds all of their bytes at once; only the path and hash of each file are kept until the
 * commit. Given the fingerprint of the inputs, the commit also records them with the hash of every
 * file it wrote ({@value #INPUTS}), so that the next run can tell that nothing changed
 * ({@link #upToDate}).
 */
public final class OutputWriter {

  /** Lists, one per line, the files the last run wrote; only these are ever deleted. */
  public static final String MANIFEST = ".sre-manifest";
  /**
   * The fingerprint of the inputs of the last complete run, and the SHA-256 and size of every file it
   * wrote. Removed before a run moves any file, written after the last one: it exists only beside
   * output that a complete run wrote from exactly those inputs.
   */
  public static final String INPUTS = ".sre-inputs";
  private static final String STAGING_PREFIX = ".sre-staging-";
  private static final String RECORD_HEADER = "# sre-dsl: the inputs of the last generation and the files it wrote;"
      + " sre:generate skips its work while both still hold. Delete this file to force a new generation.";

  /** What a write did. */
  public record Result(int written, int unchanged, int deleted) {}

  /**
   * Whether the output directory holds what a complete run wrote from these inputs.
   *
   * @param files the number of files the record lists, when up to date
   * @param reason why not, in words, when not up to date
   */
  public record UpToDate(boolean upToDate, int files, String reason) {}

  public Result write(Path outputDirectory, GeneratedFiles files) {
    return write(outputDirectory, files, null);
  }

  /** @param inputs the fingerprint of the inputs to record, or {@code null} to record none */
  public Result write(Path outputDirectory, GeneratedFiles files, String inputs) {
    try (Session session = open(outputDirectory)) {
      files.all().forEach(session);
      return session.commit(inputs);
    }
  }

  /**
   * Starts a write: hand every file to the session, then {@link Session#commit} it. Closing a session
   * that was not committed leaves the output directory as it was; one that did not exist before is not
   * left behind either.
   */
  public Session open(Path outputDirectory) {
    try {
      Path created = null;
      if (Files.isDirectory(outputDirectory)) {
        removeLeftoverStaging(outputDirectory);
      } else {
        created = outputDirectory.toAbsolutePath().normalize();
        while (created.getParent() != null && !Files.exists(created.getParent())) {
          created = created.getParent();
        }
      }
      return new Session(outputDirectory, outputDirectory.resolve(STAGING_PREFIX + UUID.randomUUID()), created);
    } catch (IOException e) {
      throw failure(outputDirectory, e);
    }
  }

  /** One write in progress: files are compared with the output and staged as they come. */
  public static final class Session implements Consumer<GeneratedFile>, AutoCloseable {

    private final Path outputDirectory;
    private final Path staging;
    /** Path to "sha256 size", sorted by path. */
    private final Map<String, String> hashes = new TreeMap<>();
    private final List<String> changed = new ArrayList<>();
    private final Set<Path> stagedFolders = new HashSet<>();
    private final MessageDigest sha256 = sha256();
    /** The topmost folder this session creates for the output, or {@code null} when the output existed. */
    private final Path created;
    private boolean committed;

    private Session(Path outputDirectory, Path staging, Path created) {
      this.outputDirectory = outputDirectory;
      this.staging = staging;
      this.created = created;
    }

    /**
     * Stages the file when its bytes differ from the output's.
     *
     * @throws IllegalArgumentException when the path could lead outside the output directory
     * @throws IllegalStateException when a file of that path was handed over already
     */
    @Override
    public void accept(GeneratedFile file) {
      String path = file.path();
      GeneratedFiles.requireSafe(path);
      byte[] content = file.contentUnsafe();
      if (hashes.putIfAbsent(path, hex(sha256.digest(content)) + " " + content.length) != null) {
        throw new IllegalStateException("two generators produced " + path);
      }
      try {
        if (!sameOnDisk(outputDirectory.resolve(path), content)) {
          Path staged = staging.resolve(path);
          createFolder(staged.getParent(), stagedFolders);
          Files.write(staged, content);
          changed.add(path);
        }
      } catch (IOException e) {
        throw failure(outputDirectory, e);
      }
    }

    /**
     * Moves the changed files into place, deletes the stale ones and writes the manifest; with a
     * fingerprint of the inputs, records it and the hash of every file last.
     *
     * @param inputs the fingerprint of the inputs, or {@code null} to record none
     */
    public Result commit(String inputs) {
      try {
        committed = true;
        Files.createDirectories(outputDirectory);
        // From here on the output changes: no record may claim it is up to date until it is complete.
        Files.deleteIfExists(outputDirectory.resolve(INPUTS));
        Set<Path> folders = new HashSet<>();
        for (String path : changed) {
          Path target = outputDirectory.resolve(path);
          createFolder(target.getParent(), folders);
          move(staging.resolve(path), target);
        }
        Set<String> previous = readManifest(outputDirectory);
        int deleted = deleteStale(outputDirectory, previous, hashes.keySet());
        Files.createDirectories(staging);
        replace(MANIFEST, String.join("\n", hashes.keySet()) + (hashes.isEmpty() ? "" : "\n"));
        if (inputs != null) {
          StringBuilder record = new StringBuilder(RECORD_HEADER).append("\ninputs ").append(inputs).append('\n');
          hashes.forEach((path, hash) -> record.append(hash).append(' ').append(path).append('\n'));
          replace(INPUTS, record.toString());
        }
        return new Result(changed.size(), hashes.size() - changed.size(), deleted);
      } catch (IOException e) {
        throw failure(outputDirectory, e);
      }
    }

    /** The number of files handed over so far. */
    public int size() {
      return hashes.size();
    }

    @Override
    public void close() {
      try {
        deleteTree(staging);
        if (!committed && created != null && Files.isDirectory(created) && !holdsFiles(created)) {
          deleteTree(created);
        }
      } catch (IOException e) {
        throw failure(outputDirectory, e);
      }
    }

    private void replace(String name, String content) throws IOException {
      Path staged = staging.resolve(name);
      Files.writeString(staged, content, StandardCharsets.UTF_8);
      move(staged, outputDirectory.resolve(name));
    }
  }

  /**
   * Whether {@code outputDirectory} holds the complete output of a run from the inputs of this
   * fingerprint: the record of the last run names them, the manifest lists the files it recorded, and
   * every one of them still has the bytes written (size and SHA-256). Reads the files, writes nothing.
   */
  public static UpToDate upToDate(Path outputDirectory, String inputs) {
    Path recordFile = outputDirectory.resolve(INPUTS);
    try {
      if (!Files.isRegularFile(recordFile)) {
        return notUpToDate("no record of a complete earlier generation in " + outputDirectory);
      }
      List<String> lines = Files.readAllLines(recordFile, StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(1).equals("inputs " + inputs)) {
        return notUpToDate("the classes, classpath, settings, templates or plugin changed since the last generation");
      }
      Map<String, String> recorded = new TreeMap<>();
      for (String line : lines.subList(2, lines.size())) {
        String[] parts = line.split(" ", 3);
        if (parts.length != 3) {
          return notUpToDate(INPUTS + " is damaged");
        }
        recorded.put(parts[2], parts[0] + " " + parts[1]);
      }
      if (!readManifest(outputDirectory).equals(recorded.keySet())) {
        return notUpToDate(MANIFEST + " does not list the files of the last generation");
      }
      MessageDigest sha256 = sha256();
      for (Map.Entry<String, String> file : recorded.entrySet()) {
        Path path = outputDirectory.resolve(file.getKey());
        String[] hashAndSize = file.getValue().split(" ");
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          return notUpToDate(file.getKey() + " was deleted since it was generated");
        }
        if (!attributes.isRegularFile() || attributes.size() != Long.parseLong(hashAndSize[1])
            || !hex(sha256.digest(Files.readAllBytes(path))).equals(hashAndSize[0])) {
          return notUpToDate(file.getKey() + " was changed since it was generated");
        }
      }
      return new UpToDate(true, recorded.size(), null);
    } catch (IOException | RuntimeException e) {
      // A record that cannot be read proves nothing: generate again.
      return notUpToDate("the record of the last generation cannot be read: " + e.getMessage());
    }
  }

  private static UpToDate notUpToDate(String reason) {
    return new UpToDate(false, 0, reason);
  }

  /** Whether the file exists with exactly these bytes; the size is compared before any byte is read. */
  private static boolean sameOnDisk(Path existing, byte[] content) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(existing, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    }
    return attributes.isRegularFile() && attributes.size() == content.length
        && Arrays.equals(Files.readAllBytes(existing), content);
  }

  private static boolean holdsFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.anyMatch(p -> !Files.isDirectory(p));
    }
  }

  private static void createFolder(Path folder, Set<Path> created) throws IOException {
    if (created.add(folder)) {
      Files.createDirectories(folder);
    }
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static UncheckedIOException failure(Path outputDirectory, IOException e) {
    return new UncheckedIOException("cannot write generated files under " + outputDirectory + ": " + e, e);
  }
}
