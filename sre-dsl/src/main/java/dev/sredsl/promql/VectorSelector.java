package dev.sredsl.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An instant-vector selector: {@code name{matchers} @ at offset offset}. Immutable: the methods return
 * a changed copy.
 *
 * <pre>{@code
 * VectorSelector failed = PromQL.metric("http_server_requests_seconds_count")
 *     .where("job", "checkout")
 *     .and(LabelMatcher.regex("status", "5.."));
 * failed.range("5m");  // http_server_requests_seconds_count{job="checkout", status=~"5.."}[5m]
 * }</pre>
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

  /**
   * A selector of every series of a metric.
   *
   * @param name the metric name
   * @return the selector, without matchers
   */
  public static VectorSelector metric(String name) {
    return new VectorSelector(name, List.of(), null, null);
  }

  /**
   * The selector with a further {@code label="value"} matcher.
   *
   * @param label the label name
   * @param value the value to match exactly; escaped when printed
   * @return the narrowed selector
   */
  public VectorSelector where(String label, String value) {
    return and(LabelMatcher.eq(label, value));
  }

  /**
   * The selector with further matchers, after the existing ones.
   *
   * @param more the matchers, none {@code null}
   * @return the narrowed selector
   */
  public VectorSelector and(LabelMatcher... more) {
    return and(List.of(more));
  }

  /**
   * The selector with further matchers, after the existing ones, e.g. a service's selector.
   *
   * @param more the matchers, none {@code null}
   * @return the narrowed selector
   */
  public VectorSelector and(List<LabelMatcher> more) {
    List<LabelMatcher> all = new ArrayList<>(matchers);
    all.addAll(more);
    return new VectorSelector(name, all, offset, at);
  }

  /**
   * The selector shifted into the past, {@code offset 1h}; a negative offset shifts into the future.
   *
   * @param by the shift, not zero and a whole number of milliseconds (checked when printed), or
   *     {@code null} for none
   * @return the shifted selector, replacing any earlier offset
   */
  public VectorSelector offset(Duration by) {
    return new VectorSelector(name, matchers, by, at);
  }

  /**
   * The selector evaluated at a fixed time, {@code @ 1700000000}, {@code @ start()} or {@code @ end()}.
   *
   * @param when e.g. {@code At.timestamp(1700000000)} or {@code At.END}; {@code null} for none
   * @return the selector with that modifier, replacing any earlier one
   */
  public VectorSelector at(At when) {
    return new VectorSelector(name, matchers, offset, when);
  }

  /**
   * This selector over a range, e.g. {@code [5m]}: a range vector, the argument of {@code rate} and
   * the {@code _over_time} functions.
   *
   * @param window positive, a whole number of milliseconds (checked when printed)
   * @return the range-vector selector
   */
  public MatrixSelector range(Duration window) {
    return new MatrixSelector(this, window);
  }

  /**
   * This selector over a range given as a Prometheus duration, e.g. {@code range("5m")}.
   *
   * @param window a Prometheus duration literal
   * @return the range-vector selector
   * @throws IllegalArgumentException if {@code window} is not a positive Prometheus duration
   */
  public MatrixSelector range(String window) {
    return range(PromDuration.parse(window));
  }

  /**
   * The metric this selector reads: its name, or the value of an equality matcher on
   * {@code __name__}.
   *
   * @return the metric name, or {@code null} when the selector does not fix one
   */
  public String metricName() {
    if (name != null) {
      return name;
    }
    return matchers.stream()
        .filter(m -> m.name().equals("__name__") && m.type() == MatchType.EQUAL)
        .map(LabelMatcher::value).findFirst().orElse(null);
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
