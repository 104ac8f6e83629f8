package dev.sredsl.generate.prometheus;

import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.histogramQuantile;
import static dev.sredsl.promql.PromQL.or;
import static dev.sredsl.promql.PromQL.vector;
import static dev.sredsl.promql.PromQL.rate;
import static dev.sredsl.promql.PromQL.ratioOfRates;
import static dev.sredsl.promql.PromQL.sum;

import dev.sredsl.generate.RecordedSeries;
import dev.sredsl.model.Dependency;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Signal;
import dev.sredsl.promql.PromQL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recording rules of a service's golden signals: traffic, errors, error ratio and latency quantiles
 * from its request metrics, and every declared signal (saturation, custom, dependency health), each
 * summed to one series per service.
 */
final class GoldenSignalRules {

  private GoldenSignalRules() {}

  /**
   * The rules as Prometheus evaluates them: the error ratio and the latency quantiles read the rates
   * recorded just before them in the same group, so each raw series is read once per evaluation.
   */
  static List<Rule> of(Service service, Map<String, String> serviceLabels) {
    return rules(service, serviceLabels, true);
  }

  /**
   * The same series, each from the raw series alone: for a backfill, where a rule cannot read what
   * another rule of the same run records.
   */
  static List<Rule> fromRawSeries(Service service, Map<String, String> serviceLabels) {
    return rules(service, serviceLabels, false);
  }

  private static List<Rule> rules(Service service, Map<String, String> serviceLabels, boolean readRecordings) {
    List<Rule> rules = new ArrayList<>();
    Duration window = RecordedSeries.WINDOW;
    service.requestMetrics().ifPresent(r -> {
      rules.add(Rule.recording(RecordedSeries.requestRate(r), sum(rate(r.requests(), window)), serviceLabels));
      rules.add(Rule.recording(RecordedSeries.errorRate(r), sum(rate(r.failedRequests(), window)), serviceLabels));
      rules.add(Rule.recording(RecordedSeries.errorRatio(r), readRecordings
          ? div(or(sum(RecordedSeries.ofService(RecordedSeries.errorRate(r), service)), vector(0)),
              sum(RecordedSeries.ofService(RecordedSeries.requestRate(r), service)))
          : ratioOfRates(r.failedRequests(), r.requests(), window), serviceLabels));
      if (r.hasHistogram()) {
        latency(service, r, serviceLabels, readRecordings, rules);
      }
    });
    for (Signal signal : signals(service)) {
      rules.add(Rule.recording(RecordedSeries.signal(signal), PromQL.parse(signal.expression()), serviceLabels));
    }
    return rules;
  }

  private static void latency(Service service, RequestMetrics r, Map<String, String> labels, boolean readRecordings,
      List<Rule> rules) {
    var buckets = sum(rate(r.buckets(), RecordedSeries.WINDOW)).by("le");
    rules.add(Rule.recording(RecordedSeries.latencyBucketRate(r), buckets, labels));
    var recorded = sum(RecordedSeries.ofService(RecordedSeries.latencyBucketRate(r), service)).by("le");
    for (double q : RecordedSeries.QUANTILES) {
      rules.add(Rule.recording(RecordedSeries.latencyQuantile(r, q), histogramQuantile(q, readRecordings ? recorded
          : buckets), labels));
    }
  }

  /** Declared signals and dependency health signals, each once (a pool is often both). */
  static List<Signal> signals(Service service) {
    Map<String, Signal> byName = new LinkedHashMap<>();
    service.signals().forEach(s -> byName.putIfAbsent(s.name(), s));
    service.dependencies().stream().map(Dependency::health).forEach(s -> byName.putIfAbsent(s.name(), s));
    return List.copyOf(byName.values());
  }
}
