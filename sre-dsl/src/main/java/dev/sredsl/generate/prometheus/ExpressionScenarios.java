package dev.sredsl.generate.prometheus;

import dev.sredsl.generate.Numbers;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.NumberLiteral;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds input under which an arbitrary alert expression fires and input under which it stays silent:
 * one steady series per selector of the expression, and a search over a small set of values for
 * them (including leaving a series out), evaluated with {@link SteadyStateEvaluator}.
 */
final class ExpressionScenarios {

  private static final double[] GAUGE_VALUES = {1, 0, 2, 0.5, 0.25, 4, 16, 64, 1024, 1048576, 0.0625};
  private static final long[] COUNTER_RATES = {1, 0, 2, 4, 16, 64, 1024};
  private static final int MAX_EVALUATIONS = 100_000;
  private static final String UNNAMED = "sredsl_synthetic";

  private ExpressionScenarios() {}

  static AlertScenarios.Result of(Expr expression, Duration waitFor) {
    Map<Map<String, String>, Boolean> seriesCounter = new LinkedHashMap<>();
    try {
      collectSeries(expression, seriesCounter);
    } catch (SteadyStateEvaluator.Unsupported e) {
      return AlertScenarios.Result.unsupported("the test generator cannot simulate " + e.getMessage());
    }
    List<Map<String, String>> labels = new ArrayList<>(seriesCounter.keySet());
    List<double[]> choices = new ArrayList<>();
    Set<Double> thresholds = numbers(expression);
    for (Map<String, String> l : labels) {
      choices.add(seriesCounter.get(l) ? toDoubles(COUNTER_RATES) : gaugeValues(thresholds));
    }
    Duration evalTime = AlertScenarios.evalTime(SteadyStateEvaluator.longestRange(expression), waitFor);
    Scenario firing = null;
    Scenario silent = null;
    String unsupported = null;
    int[] index = new int[labels.size()];
    for (int n = 0; n < MAX_EVALUATIONS && (firing == null || silent == null); n++) {
      List<SteadyStateEvaluator.Series> series = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        double[] options = choices.get(i);
        if (index[i] < options.length) {
          series.add(new SteadyStateEvaluator.Series(labels.get(i), options[index[i]], seriesCounter.get(labels.get(i))));
        } // one past the last option: the series is absent
      }
      try {
        List<SteadyStateEvaluator.Sample> result = new SteadyStateEvaluator(series, evalTime).evaluate(expression);
        if (!result.isEmpty() && firing == null && result.stream().allMatch(s -> Double.isFinite(s.value()))) {
          firing = scenario(series, evalTime, result);
        } else if (result.isEmpty() && silent == null) {
          silent = scenario(series, evalTime, result);
        }
      } catch (SteadyStateEvaluator.Unsupported e) {
        unsupported = e.getMessage();
        break;
      }
      if (!advance(index, choices)) {
        break;
      }
    }
    if (unsupported != null) {
      return AlertScenarios.Result.unsupported("the test generator cannot simulate " + unsupported);
    }
    if (firing == null || silent == null) {
      return AlertScenarios.Result.unsupported("no steady input makes it " + (firing == null ? "fire" : "stay silent"));
    }
    return AlertScenarios.Result.of(firing, silent);
  }

  /** The next combination of values, each series in turn; false after the last. */
  private static boolean advance(int[] index, List<double[]> choices) {
    for (int i = 0; i < index.length; i++) {
      index[i]++;
      if (index[i] <= choices.get(i).length) {
        return true;
      }
      index[i] = 0;
    }
    return false;
  }

  private static Scenario scenario(List<SteadyStateEvaluator.Series> series, Duration evalTime,
      List<SteadyStateEvaluator.Sample> result) {
    long minutes = evalTime.toMinutes() + 5;
    List<SyntheticSeries.Input> inputs = new ArrayList<>();
    List<String> story = new ArrayList<>();
    for (SteadyStateEvaluator.Series s : series) {
      Map<String, String> labels = new TreeMap<>(s.labels());
      String metric = labels.remove("__name__");
      SyntheticSeries.Steady values = s.counter() ? SyntheticSeries.counter((long) s.value(), minutes)
          : SyntheticSeries.gauge(s.value(), minutes);
      inputs.add(new SyntheticSeries.Input(SyntheticSeries.series(metric, labels), values));
      story.add(metric + (s.counter() ? " grows by " + Numbers.format(s.value()) + "/s" : " is " + Numbers.format(s.value())));
    }
    return new Scenario(story.isEmpty() ? "no series exist" : String.join(", ", story), inputs, evalTime, result);
  }

  /** One series per selector, marked as counter when read through rate(), irate() or increase(). */
  private static void collectSeries(Expr expression, Map<Map<String, String>, Boolean> out)
      throws SteadyStateEvaluator.Unsupported {
    List<VectorSelector> counters = new ArrayList<>();
    List<VectorSelector> all = new ArrayList<>();
    ExprTree.walk(expression, (Expr e) -> {
      if (e instanceof Call c && Set.of("rate", "irate", "increase").contains(c.function().name())
          && c.args().get(0) instanceof MatrixSelector m) {
        counters.add(m.selector());
      }
      if (e instanceof VectorSelector v) {
        all.add(v);
      }
    });
    for (VectorSelector v : all) {
      Map<String, String> labels = new TreeMap<>(SyntheticSeries.labels(v.matchers())
          .orElseThrow(() -> new SteadyStateEvaluator.Unsupported("the regular expressions of " + v)));
      labels.put("__name__", v.name() == null ? UNNAMED : v.name());
      boolean counter = counters.contains(v);
      Boolean earlier = out.putIfAbsent(labels, counter);
      if (earlier != null && earlier != counter) {
        throw new SteadyStateEvaluator.Unsupported("a series read both as counter and as gauge");
      }
    }
  }

  /** Numbers written in the expression: thresholds, near which gauges are worth trying. */
  private static Set<Double> numbers(Expr expression) {
    Set<Double> numbers = new LinkedHashSet<>();
    ExprTree.walk(expression, (Expr e) -> {
      if (e instanceof NumberLiteral n && Double.isFinite(n.value())) {
        numbers.add(n.value());
      }
    });
    return numbers;
  }

  private static double[] gaugeValues(Set<Double> thresholds) {
    Set<Double> values = new LinkedHashSet<>();
    for (double v : GAUGE_VALUES) {
      values.add(v);
    }
    for (double t : thresholds) {
      values.add(t * 2);
      values.add(t + 1);
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] toDoubles(long[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

}
