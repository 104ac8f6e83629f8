package dev.sredsl.model;

import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * How an event SLI counts one kind of event: a counter the generated rules take the rate of over each
 * window, or hand-written PromQL for events no plain counter holds.
 */
public sealed interface EventCount {

  /** What a query writes where the window goes: {@value}, e.g. {@code rate(x[${window}])}. */
  String WINDOW = "${window}";

  /**
   * A counter of events, e.g. {@code EventCount.counter("jobs_total").where("result", "failed")}. The
   * rules take {@code sum(rate(<selector>[<window>]))}, with the service's own selector (default
   * {@code job="<service>"}) added to the matchers given here.
   *
   * @param metric the counter's name, e.g. {@code jobs_total}
   * @param matchers the labels that select the events among the counter's series, in declaration order
   */
  record Counter(String metric, List<LabelMatcher> matchers) implements EventCount {

    public Counter {
      matchers = List.copyOf(matchers);
    }

    /** Only the series whose {@code label} is {@code value}. */
    public Counter where(String label, String value) {
      return with(LabelMatcher.eq(label, value));
    }

    /** Only the series whose {@code label} is not {@code value}. */
    public Counter whereNot(String label, String value) {
      return with(LabelMatcher.neq(label, value));
    }

    /** Only the series whose {@code label} matches the RE2 regular expression, e.g. {@code "5.."}. */
    public Counter matching(String label, String regex) {
      return with(LabelMatcher.regex(label, regex));
    }

    private Counter with(LabelMatcher matcher) {
      List<LabelMatcher> all = new ArrayList<>(matchers);
      all.add(matcher);
      return new Counter(metric, all);
    }

    /** The counter's selector with the service's matchers first, as the rules read it. */
    public VectorSelector selector(List<LabelMatcher> serviceSelector) {
      List<LabelMatcher> all = new ArrayList<>(serviceSelector);
      all.addAll(matchers);
      return new VectorSelector(metric, all, null, null);
    }

    @Override
    public String describe() {
      return new VectorSelector(metric, matchers, null, null).toString();
    }
  }

  /**
   * Hand-written PromQL giving events per second over a window, as {@code rate} does, with
   * {@value #WINDOW} where the window goes, e.g.
   * {@code sum(rate(kafka_consumer_records_consumed_total{topic="orders"}[${window}]))}. It is used as
   * written (the service's selector is not added), summed into one series, and checked at build time
   * for every window it is expanded to.
   *
   * @param template the query with the placeholder
   */
  record Query(String template) implements EventCount {

    /** The query for one window, e.g. {@code 5m}. */
    public String expand(String window) {
      return template.replace(WINDOW, window);
    }

    @Override
    public String describe() {
      return template;
    }
  }

  /** A counter of events, to narrow with {@code where}, {@code whereNot} and {@code matching}. */
  static Counter counter(String metric) {
    return new Counter(metric, List.of());
  }

  /** Events counted by a query with the {@value #WINDOW} placeholder. */
  static Query query(String template) {
    return new Query(template);
  }

  /** The count as the runbook and the snapshot show it. */
  String describe();
}
