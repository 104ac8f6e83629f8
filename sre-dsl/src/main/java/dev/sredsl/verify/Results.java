package dev.sredsl.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.verify.PrometheusApi.Point;
import dev.sredsl.verify.PrometheusApi.RangeSeries;
import dev.sredsl.verify.PrometheusApi.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code result} of Prometheus' answers into samples, series and label sets. A sample is
 * {@code [<seconds as a JSON number>, "<value as a string>"]}; values include {@code NaN},
 * {@code +Inf} and {@code -Inf}. Native histogram samples ({@code histogram}, {@code histograms}) are
 * left out: verification reads float samples only. Every method throws
 * {@link IllegalArgumentException}, saying what is wrong, for a result of the wrong shape.
 */
final class Results {

  private Results() {}

  /** A {@code vector} result: {@code [{"metric":{...},"value":[t,"v"]}, ...]}. */
  static List<Sample> vector(JsonNode result) {
    List<Sample> samples = new ArrayList<>();
    for (JsonNode element : array(result, "a vector")) {
      JsonNode value = element.get("value");
      if (value != null) {
        samples.add(new Sample(labels(element.get("metric")), point(value).value()));
      }
    }
    return List.copyOf(samples);
  }

  /** A {@code scalar} result, {@code [t,"v"]}: one sample without labels. */
  static List<Sample> scalar(JsonNode result) {
    return List.of(new Sample(Map.of(), point(result).value()));
  }

  /** A {@code matrix} result: {@code [{"metric":{...},"values":[[t,"v"], ...]}, ...]}. */
  static List<RangeSeries> matrix(JsonNode result) {
    List<RangeSeries> series = new ArrayList<>();
    for (JsonNode element : array(result, "a matrix")) {
      JsonNode values = element.get("values");
      if (values == null) {
        continue;
      }
      List<Point> points = new ArrayList<>();
      for (JsonNode value : array(values, "a series' values")) {
        points.add(point(value));
      }
      series.add(new RangeSeries(labels(element.get("metric")), List.copyOf(points)));
    }
    return List.copyOf(series);
  }

  /** The {@code data} of {@code /api/v1/series}: an array of label sets. */
  static List<Map<String, String>> labelSets(JsonNode data) {
    List<Map<String, String>> sets = new ArrayList<>();
    for (JsonNode element : array(data, "a list of series")) {
      sets.add(labels(element));
    }
    return List.copyOf(sets);
  }

  /** A label set, in the server's order (Prometheus sorts labels by name). */
  static Map<String, String> labels(JsonNode metric) {
    if (metric == null || metric.isNull()) {
      return Map.of();
    }
    if (!metric.isObject()) {
      throw new IllegalArgumentException("labels that are not an object");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> label : metric.properties()) {
      if (!label.getValue().isTextual()) {
        throw new IllegalArgumentException("label " + label.getKey() + " that is not a string");
      }
      labels.put(label.getKey(), label.getValue().asText());
    }
    return Collections.unmodifiableMap(labels);
  }

  /** {@code [1435781451.781, "1"]}. */
  static Point point(JsonNode pair) {
    if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isTextual()) {
      throw new IllegalArgumentException("a sample that is not [<time>, \"<value>\"]");
    }
    // Times have millisecond precision; rounding undoes the binary fraction of the double.
    long millis = Math.round(pair.get(0).asDouble() * 1000);
    return new Point(millis, value(pair.get(1).asText()));
  }

  /** A sample value as Prometheus prints it: a decimal, {@code NaN}, {@code +Inf} or {@code -Inf}. */
  static double value(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> number(text);
    };
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a sample value that is not a number: " + ApiMessages.serverText(text));
    }
  }

  private static Iterable<JsonNode> array(JsonNode node, String what) {
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException(what + " that is not an array");
    }
    return node;
  }
}
