package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.problem.SettingException;
import dev.sredsl.snapshot.SnapshotFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of one build's output: a {@code target/sre} folder, or a zip of one (as a CI artifact
 * store keeps it; the folder may sit anywhere inside the zip). Checked on reading: it must be
 * sre-dsl's output (it has the {@code .sre-manifest} the plugin writes) with snapshots this build can
 * read. Problems are a {@link SettingException} naming the setting, the location and the fix.
 */
public final class OutputTree {

  /** More than any real output holds; a bound, so that a hostile zip cannot exhaust the memory. */
  static final long MAX_BYTES = 256L * 1024 * 1024;
  private static final String VERIFY_REPORT = "verify/sre-verify.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;
  private final Map<String, byte[]> files;
  private final Map<String, JsonNode> snapshots;

  private OutputTree(String label, Map<String, byte[]> files, Map<String, JsonNode> snapshots) {
    this.label = label;
    this.files = files;
    this.snapshots = snapshots;
  }

  /**
   * Reads a folder or zip file.
   *
   * @param location a {@code target/sre} folder or a {@code .zip} of one
   * @param setting the setting that named it, for messages (e.g. {@code sre.diffBaseline})
   */
  public static OutputTree read(Path location, String setting) {
    if (!Files.exists(location)) {
      throw new SettingException(setting + ": " + location + " does not exist; point it at the target/sre folder"
          + " of the baseline build, or a zip of one");
    }
    if (Files.isDirectory(location) && !Files.isRegularFile(location.resolve(OutputWriter.MANIFEST))) {
      // Refused before walking it: a folder such as the project root or the home folder is no baseline.
      return of(location.toString(), Map.of(), setting);
    }
    Map<String, byte[]> files = Files.isDirectory(location) ? readFolder(location, setting)
        : readZip(location, setting);
    return of(location.toString(), files, setting);
  }

  /**
   * A tree from files in memory, keyed by their path relative to the output folder.
   *
   * @param label how messages name the tree
   */
  public static OutputTree of(String label, Map<String, byte[]> files, String setting) {
    if (!files.containsKey(OutputWriter.MANIFEST)) {
      throw new SettingException(setting + ": " + label + " is not sre-dsl output (it has no "
          + OutputWriter.MANIFEST + "); point it at a target/sre folder made by sre:generate, or a zip of one");
    }
    Map<String, JsonNode> snapshots = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      if (path.startsWith(SnapshotFormat.FOLDER) && path.endsWith(".json") && path.indexOf('/',
          SnapshotFormat.FOLDER.length()) < 0) {
        JsonNode snapshot = snapshot(label, path, file.getValue(), setting);
        snapshots.put(snapshot.path("service").asText(), snapshot);
      }
    }
    if (snapshots.isEmpty()) {
      throw new SettingException(setting + ": " + label + " holds no snapshot/<service>.json, so an sre-dsl"
          + " older than this one made it; generate the baseline again with this version");
    }
    return new OutputTree(label, new TreeMap<>(files), Collections.unmodifiableMap(snapshots));
  }

  private static JsonNode snapshot(String label, String path, byte[] content, String setting) {
    JsonNode node;
    try {
      node = JSON.readTree(content);
    } catch (IOException e) {
      throw new SettingException(setting + ": " + label + ": " + path + " is not valid JSON; generate the"
          + " baseline again with sre:generate");
    }
    if (node == null || !SnapshotFormat.NAME.equals(node.path("format").asText())
        || !node.path("formatVersion").canConvertToInt() || !node.path("service").isTextual()) {
      throw new SettingException(setting + ": " + label + ": " + path + " is not an sre-dsl snapshot; generate"
          + " the baseline again with sre:generate");
    }
    int version = node.path("formatVersion").asInt();
    if (version > SnapshotFormat.VERSION) {
      throw new SettingException(setting + ": " + label + ": " + path + " has format version " + version
          + ", newer than the " + SnapshotFormat.VERSION + " this sre-dsl reads; run sre:diff with the sre-dsl"
          + " version that made the baseline, or a newer one");
    }
    return node;
  }

  private static Map<String, byte[]> readFolder(Path folder, String setting) {
    Map<String, byte[]> files = new TreeMap<>();
    long[] total = {0};
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        if (!read(relative)) {
          continue;
        }
        total[0] += Files.size(file);
        if (total[0] > MAX_BYTES) {
          throw tooLarge(folder.toString(), setting);
        }
        files.put(relative, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new SettingException(setting + ": cannot read " + folder + " (" + e.getMessage() + "); check that the"
          + " folder is readable");
    }
    return files;
  }

  /** The entries below the folder that holds {@code .sre-manifest}, wherever it sits in the zip. */
  private static Map<String, byte[]> readZip(Path zip, String setting) {
    Map<String, byte[]> entries = new TreeMap<>();
    long total = 0;
    try (InputStream in = Files.newInputStream(zip); ZipInputStream stream = new ZipInputStream(in)) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = stream.getNextEntry()) != null) {
        any = true;
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
        total += content.length;
        if (total > MAX_BYTES) {
          throw tooLarge(zip.toString(), setting);
        }
        entries.put(entry.getName().replace('\\', '/'), content);
      }
      if (!any) {
        throw new SettingException(setting + ": " + zip + " is not a zip file, or an empty one; point it at a"
            + " target/sre folder or a zip of one");
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new SettingException(setting + ": " + zip + " is not a readable zip file (" + e.getMessage()
          + "); download or create the baseline archive again");
    } catch (IOException e) {
      throw new SettingException(setting + ": cannot read " + zip + " (" + e.getMessage() + "); check that the"
          + " file is readable");
    }
    Optional<String> root = entries.keySet().stream()
        .filter(name -> name.equals(OutputWriter.MANIFEST) || name.endsWith("/" + OutputWriter.MANIFEST))
        .min((a, b) -> Integer.compare(a.length(), b.length()))
        .map(name -> name.substring(0, name.length() - OutputWriter.MANIFEST.length()));
    if (root.isEmpty()) {
      return entries;
    }
    Map<String, byte[]> files = new TreeMap<>();
    entries.forEach((name, content) -> {
      if (name.startsWith(root.get())) {
        files.put(name.substring(root.get().length()), content);
      }
    });
    return files;
  }

  /** What the plan reads of an output folder; the rest (tests, runbooks, backfill, kubernetes) is skipped. */
  static final List<String> READ = List.of(OutputWriter.MANIFEST, SnapshotFormat.FOLDER, "prometheus/",
      "grafana/dashboards/", "alertmanager/", "verify/");

  private static boolean read(String relative) {
    return READ.stream().anyMatch(prefix -> relative.equals(prefix) || (prefix.endsWith("/")
        && relative.startsWith(prefix)));
  }

  private static SettingException tooLarge(String location, String setting) {
    return new SettingException(setting + ": " + location + " holds more than " + (MAX_BYTES >> 20) + " MiB, far"
        + " more than sre-dsl output; point it at the target/sre folder of the baseline build");
  }

  /** How messages and the plan name this tree. */
  public String label() {
    return label;
  }

  /** The services the tree has snapshots of, sorted by name. */
  public List<String> services() {
    return List.copyOf(snapshots.keySet());
  }

  /** A service's snapshot, or empty when the tree has no such service. */
  public Optional<JsonNode> snapshot(String service) {
    return Optional.ofNullable(snapshots.get(service));
  }

  /** A file's content, by its path relative to the output folder. */
  public Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** {@code sre:verify}'s JSON report, when the build that made the tree ran it. */
  public Optional<byte[]> verifyReport() {
    return file(VERIFY_REPORT);
  }
}
