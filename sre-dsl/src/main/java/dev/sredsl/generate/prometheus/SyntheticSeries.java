package dev.sredsl.generate.prometheus;

import dev.sredsl.generate.Numbers;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Input series for generated promtool tests: label values chosen to satisfy a selector's matchers,
 * and counters that grow at an exact rate, so that the values rules compute from them are exact
 * binary fractions and the alert text that shows them can be predicted.
 */
final class SyntheticSeries {

  private static final List<String> CANDIDATES = List.of("x", "a", "0", "200", "500", "SUCCESS", "test", "sredsl");
  private static final String UNMATCHED = "sredsl-test";

  private SyntheticSeries() {}

  /**
   * One input series: a series selector and its steady samples.
   *
   * @param series the selector in promtool's series notation
   * @param samples what the series holds
   */
  record Input(String series, Steady samples) {

    /** The samples in promtool's notation. */
    String values() {
      return samples.notation();
    }
  }

  /**
   * Samples once a minute from time 0: a counter growing by the same amount at each sample, or a
   * gauge at one level.
   *
   * @param counter whether the series is a counter (read through rate())
   * @param perSample a counter's growth per sample, a whole number; a gauge's level
   * @param steps the number of samples after the first
   */
  record Steady(boolean counter, double perSample, long steps) {

    String notation() {
      return counter ? "0+" + (long) perSample + "x" + steps : Numbers.format(perSample) + "+0x" + steps;
    }
  }

  /**
   * Labels that the selector's matchers select; empty when a regex defeats the simple search
   * (tests are then not generated for it).
   */
  static Optional<Map<String, String>> labels(List<LabelMatcher> matchers) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (LabelMatcher m : matchers) {
      Optional<String> value = valueFor(m);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (!value.get().isEmpty()) {
        labels.put(m.name(), value.get());
      }
    }
    return Optional.of(labels);
  }

  /** A value the matcher selects ("" for an absent label). */
  static Optional<String> valueFor(LabelMatcher m) {
    return switch (m.type()) {
      case EQUAL -> Optional.of(m.value());
      case NOT_EQUAL -> Optional.of(m.value().equals(UNMATCHED) ? UNMATCHED + "-2" : UNMATCHED);
      case REGEX -> candidates(m.value()).stream().filter(v -> matches(m.value(), v)).findFirst();
      case NOT_REGEX -> candidates(m.value()).stream().filter(v -> !matches(m.value(), v)).findFirst();
    };
  }

  /** A value the matcher does not select, for series that must be left out (the successful requests). */
  static Optional<String> valueNotSelectedBy(LabelMatcher m) {
    return valueFor(new LabelMatcher(m.name(), negate(m.type()), m.value()));
  }

  private static dev.sredsl.promql.MatchType negate(dev.sredsl.promql.MatchType type) {
    return switch (type) {
      case EQUAL -> dev.sredsl.promql.MatchType.NOT_EQUAL;
      case NOT_EQUAL -> dev.sredsl.promql.MatchType.EQUAL;
      case REGEX -> dev.sredsl.promql.MatchType.NOT_REGEX;
      case NOT_REGEX -> dev.sredsl.promql.MatchType.REGEX;
    };
  }

  private static List<String> candidates(String regex) {
    List<String> candidates = new ArrayList<>();
    for (String alternative : regex.split("\\|")) {
      candidates.add(alternative.replaceAll("\\([^()]*\\)[?*]", "").replaceAll("[\\\\^$.*+?()\\[\\]{}]", ""));
      candidates.add(alternative.replaceAll("[\\\\^$.*+?()\\[\\]{}]", ""));
      candidates.add(alternative.replace(".*", "").replace(".+", "x").replace(".", "0")
          .replaceAll("[\\\\^$*+?()\\[\\]{}]", ""));
    }
    candidates.addAll(CANDIDATES);
    candidates.add(UNMATCHED);
    return candidates;
  }

  /** Whether a Prometheus regex (fully anchored, as matchers are) matches the value. */
  static boolean matches(String regex, String value) {
    try {
      return Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  /** A series of the selector's metric with the given labels, in promtool's series notation. */
  static String series(String metric, Map<String, String> labels) {
    List<LabelMatcher> matchers = new ArrayList<>();
    labels.forEach((name, value) -> matchers.add(LabelMatcher.eq(name, value)));
    return new VectorSelector(metric, matchers, null, null).toString();
  }

  /** A counter growing by {@code perSecond} every second, sampled every minute for {@code minutes}. */
  static Steady counter(long perSecond, long minutes) {
    return new Steady(true, perSecond * AlertScenarios.SAMPLE_INTERVAL.toSeconds(), minutes);
  }

  /** A gauge at {@code value}, sampled every minute for {@code minutes}. */
  static Steady gauge(double value, long minutes) {
    return new Steady(false, value, minutes);
  }

  /**
   * A series that holds {@code before} (or no sample) from time 0 to minute {@code switchAt}, then
   * {@code after} (or no sample) for {@code afterSamples} more minutes, in promtool's notation. A
   * counter goes on from its last value, as a real counter does when its rate changes; one that only
   * exists after the switch starts at 0.
   */
  static String switching(Steady before, Steady after, long switchAt, long afterSamples) {
    String first = before == null ? "_x" + (switchAt + 1)
        : new Steady(before.counter(), before.perSample(), switchAt).notation();
    if (after == null) {
      return first;
    }
    String then;
    if (after.counter()) {
      // A counter that appears at the switch starts at 0, as its Javadoc says; one that goes on adds a step.
      long start = before == null ? 0 : (long) before.perSample() * switchAt + (long) after.perSample();
      then = start + "+" + (long) after.perSample() + "x" + (afterSamples - 1);
    } else {
      then = Numbers.format(after.perSample()) + "+0x" + (afterSamples - 1);
    }
    return first + " " + then;
  }
}
