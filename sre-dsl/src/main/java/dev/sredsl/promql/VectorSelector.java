package dev.sredsl.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An instant-vector selector: {@code name{matchers} @ at offset offset}.
 *
 * @param name the metric name, or {@code null} when the selector has only matchers
 * @param matchers label matchers in the order written (the metric name is not one of them)
 * @param offset {@code null} when none; may be negative
 * @param at {@code null} when none
 */
public record VectorSelector(String name, List<LabelMatcher> matchers, Duration offset, At at) implements Expr {

  public VectorSelector {
    matchers = List.copyOf(matchers);
  }

  /** A selector of every series of a metric. */
  public static VectorSelector metric(String name) {
    return new VectorSelector(name, List.of(), null, null);
  }

  /** The selector with a further {@code label="value"} matcher. */
  public VectorSelector where(String label, String value) {
    return and(LabelMatcher.eq(label, value));
  }

  /** The selector with further matchers. */
  public VectorSelector and(LabelMatcher... more) {
    return and(List.of(more));
  }

  public VectorSelector and(List<LabelMatcher> more) {
    List<LabelMatcher> all = new ArrayList<>(matchers);
    all.addAll(more);
    return new VectorSelector(name, all, offset, at);
  }

  public VectorSelector offset(Duration by) {
    return new VectorSelector(name, matchers, by, at);
  }

  public VectorSelector at(At when) {
    return new VectorSelector(name, matchers, offset, when);
  }

  /** This selector over a range, e.g. {@code [5m]}. */
  public MatrixSelector range(Duration window) {
    return new MatrixSelector(this, window);
  }

  public MatrixSelector range(String window) {
    return range(PromDuration.parse(window));
  }

  @Override
  public ValueType type() {
    return ValueType.INSTANT_VECTOR;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
