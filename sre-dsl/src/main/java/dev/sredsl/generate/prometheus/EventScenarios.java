package dev.sredsl.generate.prometheus;

import dev.sredsl.model.EventCount;
import dev.sredsl.model.EventSli;
import dev.sredsl.model.Service;
import dev.sredsl.promql.LabelMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counter series for an event SLO's scenarios: {@code bad} of {@code total} events per second are bad.
 * The counted events (bad, or good ones) get series their selector selects; when they and all events
 * are one counter, the rest get a series that all events select and the counted ones do not.
 */
final class EventScenarios {

  private EventScenarios() {}

  /** The series, or empty when a query counts the events or no labels satisfy the selectors. */
  static Optional<List<SyntheticSeries.Input>> series(Service service, EventSli sli, long bad, long total,
      long minutes) {
    boolean countsBad = sli.bad() != null;
    if (!(sli.total() instanceof EventCount.Counter all)
        || !((countsBad ? sli.bad() : sli.good()) instanceof EventCount.Counter counted)) {
      return Optional.empty();
    }
    long countedEvents = countsBad ? bad : total - bad;
    List<LabelMatcher> countedSelector = selector(service, counted.matchers());
    List<LabelMatcher> allSelector = selector(service, all.matchers());
    List<SyntheticSeries.Input> inputs = new ArrayList<>();
    if (!counted.metric().equals(all.metric())) {
      Optional<Map<String, String>> countedLabels = SyntheticSeries.labels(countedSelector);
      Optional<Map<String, String>> allLabels = SyntheticSeries.labels(allSelector);
      if (countedLabels.isEmpty() || allLabels.isEmpty() || !selects(countedSelector, countedLabels.get())
          || !selects(allSelector, allLabels.get())) {
        return Optional.empty();
      }
      inputs.add(input(counted.metric(), countedLabels.get(), countedEvents, minutes));
      inputs.add(input(all.metric(), allLabels.get(), total, minutes));
      return Optional.of(inputs);
    }
    List<LabelMatcher> both = new ArrayList<>(allSelector);
    both.addAll(counted.matchers());
    Optional<Map<String, String>> countedLabels = SyntheticSeries.labels(both);
    Optional<Map<String, String>> restLabels = rest(allSelector, countedSelector, counted.matchers());
    if (countedLabels.isEmpty() || restLabels.isEmpty() || !selects(both, countedLabels.get())) {
      return Optional.empty();
    }
    inputs.add(input(all.metric(), countedLabels.get(), countedEvents, minutes));
    inputs.add(input(all.metric(), restLabels.get(), total - countedEvents, minutes));
    return Optional.of(inputs);
  }

  private static List<LabelMatcher> selector(Service service, List<LabelMatcher> matchers) {
    List<LabelMatcher> all = new ArrayList<>(service.selector());
    all.addAll(matchers);
    return all;
  }

  /** Labels all events select and the counted ones do not: one of the counted matchers turned around. */
  private static Optional<Map<String, String>> rest(List<LabelMatcher> allSelector, List<LabelMatcher> countedSelector,
      List<LabelMatcher> countedMatchers) {
    Optional<Map<String, String>> base = SyntheticSeries.labels(allSelector);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    for (LabelMatcher m : countedMatchers) {
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
        case REGEX -> fullMatch(m.value(), value);
        case NOT_REGEX -> !fullMatch(m.value(), value);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean fullMatch(String regex, String value) {
    try {
      return Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  private static SyntheticSeries.Input input(String metric, Map<String, String> labels, long perSecond, long minutes) {
    return new SyntheticSeries.Input(SyntheticSeries.series(metric, labels), SyntheticSeries.counter(perSecond,
        minutes));
  }
}
