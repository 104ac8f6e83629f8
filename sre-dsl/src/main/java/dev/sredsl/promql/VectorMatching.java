package dev.sredsl.promql;

import java.util.List;

/**
 * How a binary operation matches series of its two sides: {@code on(labels)} or
 * {@code ignoring(labels)}, and {@code group_left(include)} / {@code group_right(include)}.
 *
 * <pre>{@code
 * binary(BinaryOp.DIV, metric("a"), metric("b"), VectorMatching.on("instance").groupLeft("pod"))
 * // a / on (instance) group_left (pod) b
 * }</pre>
 *
 * @param on {@code true} for {@code on}, {@code false} for {@code ignoring}
 * @param labels the labels listed in {@code on(...)} or {@code ignoring(...)}; unmodifiable
 * @param group {@code null}, {@code "group_left"} or {@code "group_right"}
 * @param include labels copied from the "one" side; empty when none are listed
 */
public record VectorMatching(boolean on, List<String> labels, String group, List<String> include) {

  public VectorMatching {
    labels = List.copyOf(labels);
    include = List.copyOf(include);
  }

  /**
   * {@code on(labels)}: pair series whose listed labels are equal.
   *
   * @param labels the labels to match on
   * @return one-to-one matching on those labels
   */
  public static VectorMatching on(String... labels) {
    return new VectorMatching(true, List.of(labels), null, List.of());
  }

  /**
   * {@code ignoring(labels)}: pair series whose labels are equal apart from the listed ones.
   *
   * @param labels the labels to ignore
   * @return one-to-one matching ignoring those labels
   */
  public static VectorMatching ignoring(String... labels) {
    return new VectorMatching(false, List.of(labels), null, List.of());
  }

  /**
   * {@code group_left(copied)}: many series on the left may pair with one on the right, whose
   * {@code copied} labels are added to the result.
   *
   * @param copied labels to copy from the right side; may be none
   * @return many-to-one matching
   */
  public VectorMatching groupLeft(String... copied) {
    return new VectorMatching(on, labels, "group_left", List.of(copied));
  }

  /**
   * {@code group_right(copied)}: many series on the right may pair with one on the left, whose
   * {@code copied} labels are added to the result.
   *
   * @param copied labels to copy from the left side; may be none
   * @return one-to-many matching
   */
  public VectorMatching groupRight(String... copied) {
    return new VectorMatching(on, labels, "group_right", List.of(copied));
  }
}
