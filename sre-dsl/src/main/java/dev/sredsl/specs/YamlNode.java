package dev.sredsl.specs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a YAML document and where it starts, for messages that point at the place: a mapping
 * (keys in the file's order), a sequence, or a scalar kept as the text it was written as.
 */
public sealed interface YamlNode {

  /** The file the node is in, as messages name it. */
  String file();

  /** The line it starts on, from 1. */
  int line();

  /** The column it starts at, from 1. */
  int column();

  /** What the node is, for messages: "a mapping", "a list", "a text". */
  String kind();

  /** A problem at this node, as the one-line exception the build reports. */
  default SpecException problem(String message) {
    return new SpecException(file(), line(), column(), message);
  }

  /**
   * A mapping; each value knows its own place, and {@code keys} the place of each key.
   *
   * @param entries the values by key, in the file's order
   * @param keys where each key is written
   */
  record Mapping(String file, int line, int column, Map<String, YamlNode> entries, Map<String, int[]> keys)
      implements YamlNode {

    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    @Override
    public String kind() {
      return "a mapping";
    }

    /** A problem at a key of this mapping. */
    public SpecException problemAtKey(String key, String message) {
      int[] at = keys.getOrDefault(key, new int[] {line, column});
      return new SpecException(file, at[0], at[1], message);
    }
  }

  /** A sequence, in the file's order. */
  record Sequence(String file, int line, int column, List<YamlNode> items) implements YamlNode {

    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar, as written; {@code null} for YAML's null ({@code ~}, {@code null} or nothing). */
  record Scalar(String file, int line, int column, String text) implements YamlNode {

    @Override
    public String kind() {
      return text == null ? "nothing" : "a text";
    }
  }
}
