package dev.sredsl.output;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A set of generated files, sorted by path; a path may appear once. */
public final class GeneratedFiles {

  /** Relative, forward slashes, no empty, {@code .} or {@code ..} segment: a path can never escape. */
  private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*)(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*");

  private final Map<String, GeneratedFile> byPath = new TreeMap<>();

  public GeneratedFiles add(GeneratedFile file) {
    String path = file.path();
    requireSafe(path);
    if (byPath.putIfAbsent(path, file) != null) {
      throw new IllegalStateException("two generators produced " + path);
    }
    return this;
  }

  /** @throws IllegalArgumentException when the path could lead outside the output folder */
  static void requireSafe(String path) {
    if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw new IllegalArgumentException("unsafe generated path '" + path + "'");
    }
  }

  public GeneratedFiles addAll(GeneratedFiles other) {
    other.all().forEach(this::add);
    return this;
  }

  /** In path order. */
  public Collection<GeneratedFile> all() {
    return Collections.unmodifiableCollection(byPath.values());
  }

  public Optional<GeneratedFile> get(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  public int size() {
    return byPath.size();
  }
}
