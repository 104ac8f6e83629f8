package dev.sredsl.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An instant-vector selector: a metric name and its label matchers, printed in the order given.
 */
public record Selector(String metric, List<LabelMatcher> matchers) {

  public Selector {
    matchers = List.copyOf(matchers);
  }

  public static Selector of(String metric, LabelMatcher... matchers) {
    return new Selector(metric, List.of(matchers));
  }

  /** The same selector with further matchers appended. */
  public Selector and(List<LabelMatcher> more) {
    List<LabelMatcher> all = new ArrayList<>(matchers);
    all.addAll(more);
    return new Selector(metric, all);
  }

  public Selector and(LabelMatcher... more) {
    return and(List.of(more));
  }

  /** The selector with a range, e.g. {@code metric{job="x"}[5m]}. */
  public String range(java.time.Duration window) {
    return this + "[" + PromDuration.format(window) + "]";
  }

  @Override
  public String toString() {
    if (matchers.isEmpty()) {
      return metric;
    }
    return matchers.stream()
        .map(LabelMatcher::toString)
        .collect(Collectors.joining(",", metric + "{", "}"));
  }
}
