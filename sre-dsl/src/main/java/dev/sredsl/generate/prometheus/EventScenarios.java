package dev.sredsl.generate.prometheus;

import dev.sredsl.model.EventCount;
import dev.sredsl.model.EventSli;
import dev.sredsl.model.Service;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.promql.Aggregation;
import dev.sredsl.promql.AggregationOp;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counter series for an event SLO's scenarios: {@code bad} of {@code total} events per second are bad.
 * The counted events (bad, or good ones) get series their selector selects; when they and all events
 * are one counter, the rest get a series that all events select and the counted ones do not. A query
 * is simulated when it is the rate of one counter ({@code sum(rate(x{...}[${window}]))}, as Sloth's
 * event queries are); any other query's input cannot be derived.
 */
final class EventScenarios {

  private EventScenarios() {}

  /** The series, or empty when a count cannot be simulated or no labels satisfy the selectors. */
  static Optional<List<SyntheticSeries.Input>> series(Service service, EventSli sli, long bad, long total,
      long minutes) {
    if (sli.isRatio()) {
      return Optional.empty(); // a ratio query's input series cannot be derived from it
    }
    boolean countsBad = sli.bad() != null;
    Optional<Counted> all = counted(service, sli.total());
    Optional<Counted> counted = counted(service, countsBad ? sli.bad() : sli.good());
    if (all.isEmpty() || counted.isEmpty()) {
      return Optional.empty();
    }
    long countedEvents = countsBad ? bad : total - bad;
    List<LabelMatcher> countedSelector = counted.get().matchers();
    List<LabelMatcher> allSelector = all.get().matchers();
    List<SyntheticSeries.Input> inputs = new ArrayList<>();
    if (!counted.get().metric().equals(all.get().metric())) {
      Optional<Map<String, String>> countedLabels = SyntheticSeries.labels(countedSelector);
      Optional<Map<String, String>> allLabels = SyntheticSeries.labels(allSelector);
      if (countedLabels.isEmpty() || allLabels.isEmpty() || !selects(countedSelector, countedLabels.get())
          || !selects(allSelector, allLabels.get())) {
        return Optional.empty();
      }
      inputs.add(input(counted.get().metric(), countedLabels.get(), countedEvents, minutes));
      inputs.add(input(all.get().metric(), allLabels.get(), total, minutes));
      return Optional.of(inputs);
    }
    List<LabelMatcher> both = new ArrayList<>(allSelector);
    both.addAll(countedSelector);
    Optional<Map<String, String>> countedLabels = SyntheticSeries.labels(both);
    Optional<Map<String, String>> restLabels = rest(allSelector, countedSelector);
    if (countedLabels.isEmpty() || restLabels.isEmpty() || !selects(both, countedLabels.get())) {
      return Optional.empty();
    }
    inputs.add(input(all.get().metric(), countedLabels.get(), countedEvents, minutes));
    inputs.add(input(all.get().metric(), restLabels.get(), total - countedEvents, minutes));
    return Optional.of(inputs);
  }

  /** A counter the events are the rate of, with every matcher that selects its series. */
  private record Counted(String metric, List<LabelMatcher> matchers) {}

  /**
   * The counter behind a count: a declared counter with the service's selector, or the one counter of
   * a query that is the rate of it, summed or not ({@code sum(rate(x{...}[${window}]))}); empty for any
   * other query, whose input series cannot be derived.
   */
  private static Optional<Counted> counted(Service service, EventCount count) {
    if (count instanceof EventCount.Counter counter) {
      VectorSelector selector = counter.selector(service.selector());
      return Optional.of(new Counted(selector.name(), selector.matchers()));
    }
    Expr expr;
    try {
      expr = PromQL.parse(((EventCount.Query) count).expand(PromDuration.format(BurnRates.BASE_WINDOW)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (expr instanceof Aggregation a && a.op() == AggregationOp.SUM && a.grouping().isEmpty() && !a.without()) {
      expr = a.expr();
    }
    if (expr instanceof Call c && c.function().name().equals("rate") && c.args().size() == 1
        && c.args().get(0) instanceof MatrixSelector m && m.selector().name() != null
        && m.selector().offset() == null && m.selector().at() == null) {
      return Optional.of(new Counted(m.selector().name(), m.selector().matchers()));
    }
    return Optional.empty();
  }

  /** Labels all events select and the counted ones do not: one of the counted matchers turned around. */
  private static Optional<Map<String, String>> rest(List<LabelMatcher> allSelector,
      List<LabelMatcher> countedSelector) {
    Optional<Map<String, String>> base = SyntheticSeries.labels(allSelector);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    for (LabelMatcher m : countedSelector) {
      Optional<String> other = SyntheticSeries.valueNotSelectedBy(m);
      if (other.isEmpty()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>(base.get());
      if (other.get().isEmpty()) {
        labels.remove(m.name());
      } else {
        labels.put(m.name(), other.get());
      }
      if (selects(allSelector, labels) && !selects(countedSelector, labels)) {
        return Optional.of(labels);
      }
    }
    return Optional.empty();
  }

  /** Whether a series with these labels is selected by every matcher; an absent label reads "". */
  static boolean selects(List<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      String value = labels.getOrDefault(m.name(), "");
      boolean ok = switch (m.type()) {
        case EQUAL -> value.equals(m.value());
        case NOT_EQUAL -> !value.equals(m.value());
        case REGEX -> SyntheticSeries.matches(m.value(), value);
        case NOT_REGEX -> !SyntheticSeries.matches(m.value(), value);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static SyntheticSeries.Input input(String metric, Map<String, String> labels, long perSecond, long minutes) {
    return new SyntheticSeries.Input(SyntheticSeries.series(metric, labels), SyntheticSeries.counter(perSecond,
        minutes));
  }
}
