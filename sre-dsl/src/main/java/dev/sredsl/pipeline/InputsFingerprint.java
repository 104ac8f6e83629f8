package dev.sredsl.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fingerprint (SHA-256) of everything generation reads, so that a run can tell that nothing changed
 * since the last one and skip its work:
 *
 * <ul>
 *   <li>the project's compiled classes, by content (every file, with its relative path);
 *   <li>each classpath entry: a folder by content, a file (a jar) by path, size and modification time,
 *       as build tools do for dependencies;
 *   <li>the tool that generates: the entries given (the plugin and its dependencies), this library and
 *       its default templates, the same way;
 *   <li>every generation setting, each component of {@link dev.sredsl.generate.GenerationSettings} by
 *       value, and a folder among them (the team's templates) by content.
 * </ul>
 *
 * <p>Settings are read component by component through reflection, so a setting added later is part
 * of the fingerprint without anyone remembering to add it; a value of a type this class does not know
 * fails loudly rather than being left out.
 */
public final class InputsFingerprint {

  /** Changes whenever what the fingerprint covers changes, so that old records never match. */
  private static final String FORMAT = "sre-dsl inputs 1";
  private static final List<String> DEFAULT_TEMPLATES = List.of("runbook.md.ftl", "index.md.ftl");

  private final MessageDigest digest;

  private InputsFingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * @param classesDirectory the project's compiled classes, where definitions are found
   * @param classpath what the definitions are loaded with (the classes folder among them is skipped)
   * @param tool the classpath of the tool that runs generation (e.g. the plugin's artifacts); may be empty
   * @param settings the generation settings: a record, or any value the fingerprint can read
   * @return the fingerprint, 64 hex digits
   * @throws UncheckedIOException when an input cannot be read
   */
  public static String of(Path classesDirectory, List<Path> classpath, List<Path> tool, Object settings) {
    InputsFingerprint fingerprint = new InputsFingerprint();
    try {
      fingerprint.text(FORMAT);
      fingerprint.text("classes");
      fingerprint.entry(classesDirectory, true);
      fingerprint.text("classpath");
      for (Path entry : classpath) {
        if (!entry.toAbsolutePath().normalize().equals(classesDirectory.toAbsolutePath().normalize())) {
          fingerprint.entry(entry, false);
        }
      }
      fingerprint.text("tool");
      for (Path entry : tool) {
        fingerprint.entry(entry, false);
      }
      fingerprint.entry(library(), false);
      fingerprint.defaultTemplates();
      fingerprint.text("settings");
      fingerprint.value(settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inputs of generation: " + e, e);
    }
    return HexFormat.of().formatHex(fingerprint.digest.digest());
  }

  /** A folder by content; a file by content when {@code contents}, otherwise by path, size and time. */
  private void entry(Path entry, boolean contents) throws IOException {
    Path path = entry.toAbsolutePath().normalize();
    text(path.toString());
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException missing) {
      text("missing");
      return;
    }
    if (attributes.isDirectory()) {
      folder(path);
    } else if (contents) {
      bytes(Files.readAllBytes(path));
    } else {
      text("file");
      number(attributes.size());
      number(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
  }

  /** Every regular file below the folder, in path order: its relative path and its bytes. */
  private void folder(Path root) throws IOException {
    text("folder");
    TreeMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p -> files.put(
          root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"), p));
    }
    number(files.size());
    for (Map.Entry<String, Path> file : files.entrySet()) {
      text(file.getKey());
      bytes(Files.readAllBytes(file.getValue()));
    }
  }

  private void defaultTemplates() throws IOException {
    text("default templates");
    for (String name : DEFAULT_TEMPLATES) {
      try (InputStream in = InputsFingerprint.class.getResourceAsStream("/dev/sredsl/templates/" + name)) {
        text(name);
        if (in == null) {
          text("missing");
        } else {
          bytes(in.readAllBytes());
        }
      }
    }
  }

  /** A setting, by value. */
  private void value(Object value) throws IOException {
    if (value == null) {
      text("null");
    } else if (value instanceof String s) {
      text("string");
      text(s);
    } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      text(value.getClass().getName());
      text(value.toString());
    } else if (value instanceof File file) {
      text("path");
      entry(file.toPath(), true);
    } else if (value instanceof Path path) {
      text("path");
      entry(path, true);
    } else if (value instanceof Map<?, ?> map) {
      text("map");
      number(map.size());
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        text(e.getKey());
        value(e.getValue());
      }
    } else if (value instanceof List<?> list) {
      text("list");
      number(list.size());
      for (Object element : list) {
        value(element);
      }
    } else if (value instanceof Record record) {
      text(record.getClass().getName());
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        text(component.getName());
        try {
          value(component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read setting " + component.getName(), e);
        }
      }
    } else {
      throw new IllegalArgumentException("cannot fingerprint a setting of type " + value.getClass().getName()
          + "; teach InputsFingerprint to read it");
    }
  }

  /** Where this library's classes come from: a jar, or a folder in a build of the library itself. */
  private static Path library() {
    CodeSource source = InputsFingerprint.class.getProtectionDomain().getCodeSource();
    try {
      return source == null ? Path.of("unknown") : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Path.of(String.valueOf(source.getLocation()));
    }
  }

  /** Length-prefixed, so that no two sequences of values give the same bytes. */
  private void text(String text) {
    bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(byte[] bytes) {
    number(bytes.length);
    digest.update(bytes);
  }

  private void number(long number) {
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(number).array());
  }
}
