package dev.sredsl.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatchType;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.promql.PromDuration;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every range over raw series must span at least four scrape intervals of the series it reads, or
 * {@code rate()} sees too few samples (one missed scrape and it has none). The interval comes from
 * the server's configuration when it shows it and the selector names its job; otherwise it is
 * estimated from the spacing of the samples.
 */
public final class WindowCheck {

  static final int MIN_SCRAPES = 4;
  private static final Duration SAMPLE_SPAN = Duration.ofMinutes(10);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<Duration> USUAL_INTERVALS = List.of(5, 10, 15, 20, 30, 60, 120, 300).stream()
      .map(Duration::ofSeconds).toList();

  private final PrometheusApi api;
  private final Instant at;
  private final Map<String, Duration> jobIntervals;
  private final Map<String, Optional<Duration>> estimates = new ConcurrentHashMap<>();

  public WindowCheck(PrometheusApi api, Instant at) {
    this.api = api;
    this.at = at;
    this.jobIntervals = api.config().map(WindowCheck::jobIntervals).orElse(Map.of());
  }

  /** A finding per range of {@code expr} over raw series shorter than four scrape intervals. */
  public List<Finding> check(String service, String element, Expr expr) {
    List<Finding> findings = new ArrayList<>();
    ExprTree.walk(expr, node -> {
      if (node instanceof MatrixSelector m && m.selector().name() != null && !m.selector().name().contains(":")) {
        scrapeInterval(m).ifPresent(interval -> {
          Duration needed = interval.multipliedBy(MIN_SCRAPES);
          if (m.range().compareTo(needed) < 0) {
            findings.add(new Finding(service, element, Finding.Kind.WINDOW_TOO_SHORT, m.toString(),
                m + " spans " + PromDuration.format(m.range()) + ", less than " + MIN_SCRAPES + " scrape intervals of "
                    + PromDuration.format(interval) + "; use at least " + PromDuration.format(needed)));
          }
        });
      }
    });
    return findings;
  }

  private Optional<Duration> scrapeInterval(MatrixSelector range) {
    for (LabelMatcher matcher : range.selector().matchers()) {
      if (matcher.name().equals("job") && matcher.type() == MatchType.EQUAL && jobIntervals.containsKey(matcher.value())) {
        return Optional.of(jobIntervals.get(matcher.value()));
      }
    }
    // The spacing of the series, wherever the range is shifted to: the selector without offset or @.
    return estimates.computeIfAbsent(range.selector().offset(null).at(null).toString(), this::estimate);
  }

  /** The spacing of the sparsest of the selector's series over the last ten minutes. */
  private Optional<Duration> estimate(String selector) {
    String query = "count_over_time(" + selector + "[" + PromDuration.format(SAMPLE_SPAN) + "])";
    double fewest = api.query(query, at).stream().mapToDouble(PrometheusApi.Sample::value).filter(v -> v >= 2)
        .min().orElse(Double.NaN);
    if (Double.isNaN(fewest)) {
      return Optional.empty();
    }
    // n samples lie between span / n and span / (n - 1) apart, as the server counts the window's ends
    // in or out; the usual interval in that span is the one configured, else the wider bound.
    double lowest = SAMPLE_SPAN.toMillis() / fewest;
    double highest = SAMPLE_SPAN.toMillis() / (fewest - 1);
    for (Duration usual : USUAL_INTERVALS) {
      if (usual.toMillis() >= lowest - 1 && usual.toMillis() <= highest + 1) {
        return Optional.of(usual);
      }
    }
    return Optional.of(Duration.ofSeconds(Math.max(1, Math.round(highest / 1000))));
  }

  /** Each job's scrape interval, from the configuration's {@code scrape_configs} and its global default. */
  static Map<String, Duration> jobIntervals(String configYaml) {
    Map<String, Duration> intervals = new HashMap<>();
    try {
      JsonNode config = YAML.readTree(configYaml);
      Duration global = parse(config.path("global").path("scrape_interval").asText("1m"), Duration.ofMinutes(1));
      for (JsonNode job : config.path("scrape_configs")) {
        String name = job.path("job_name").asText(null);
        if (name != null) {
          intervals.put(name, parse(job.path("scrape_interval").asText(""), global));
        }
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      return Map.of();
    }
    return intervals;
  }

  private static Duration parse(String text, Duration fallback) {
    return text == null || text.isBlank() ? fallback : PromDuration.parse(text);
  }
}
