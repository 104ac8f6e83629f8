package dev.sredsl.promql;

import java.util.List;

/**
 * How a binary operation matches series of its two sides: {@code on(labels)} or
 * {@code ignoring(labels)}, and {@code group_left(include)} / {@code group_right(include)}.
 *
 * @param on {@code true} for {@code on}, {@code false} for {@code ignoring}
 * @param group {@code null}, {@code "group_left"} or {@code "group_right"}
 * @param include labels copied from the "one" side; empty when none are listed
 */
public record VectorMatching(boolean on, List<String> labels, String group, List<String> include) {

  public VectorMatching {
    labels = List.copyOf(labels);
    include = List.copyOf(include);
  }

  public static VectorMatching on(String... labels) {
    return new VectorMatching(true, List.of(labels), null, List.of());
  }

  public static VectorMatching ignoring(String... labels) {
    return new VectorMatching(false, List.of(labels), null, List.of());
  }

  public VectorMatching groupLeft(String... copied) {
    return new VectorMatching(on, labels, "group_left", List.of(copied));
  }

  public VectorMatching groupRight(String... copied) {
    return new VectorMatching(on, labels, "group_right", List.of(copied));
  }
}
