package dev.sredsl.verify;

import dev.sredsl.testing.ExternalTool;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A designed metric history whose right answers are known by construction: series defined as
 * functions of time, sampled at every scrape from {@code start} to {@code end} (both included),
 * written as OpenMetrics text and turned into TSDB blocks by {@code promtool tsdb
 * create-blocks-from openmetrics}, ready for {@link LocalPrometheus} to start on.
 *
 * <p>A counter is given by its rate per second: the increase between the scrapes at {@code t} and
 * {@code t + step} is {@code rate(t) * step}, summed from 0 at {@code start}. So {@code rate()} and
 * {@code increase()} give exactly the designed rate whenever it is constant over the window, and
 * exactly the designed increase when the window's ends lie on the scrape grid (elsewhere Prometheus
 * extrapolates, which is exact for a constant rate only).
 *
 * <p>A function returning {@code null} means "no sample at that scrape": the series is absent
 * then, and a counter counts nothing meanwhile (it resumes from its value, without a reset). The
 * blocks hold no staleness markers (OpenMetrics text cannot express them), so an absent series still
 * answers instant queries for the 5-minute lookback after its last sample.
 *
 * <p>Not thread-safe; build it in one thread, then write it.
 */
public final class History {

  /** Blocks of 486 h (a range of Prometheus' own compaction): a week in one or two blocks. */
  private static final Duration BLOCK_DURATION = Duration.ofHours(486);
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Instant start;
  private final Instant end;
  private final Duration step;
  /** Series per metric name (a family), in the order first declared: OpenMetrics wants families grouped. */
  private final Map<String, List<Series>> families = new LinkedHashMap<>();

  private History(Instant start, Instant end, Duration step) {
    this.start = start;
    this.end = end;
    this.step = step;
  }

  /**
   * A history scraped every {@code step} from {@code start} to {@code end}, both included. Times are
   * whole seconds: promtool truncates fractional timestamps (to the millisecond, by float arithmetic).
   */
  public static History between(Instant start, Instant end, Duration step) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero() || step.getNano() != 0) {
      throw new IllegalArgumentException("step must be a positive whole number of seconds, was " + step);
    }
    if (start.getNano() != 0 || end.getNano() != 0) {
      throw new IllegalArgumentException("start and end must be whole seconds, were " + start + " and " + end);
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start, was " + start + " .. " + end);
    }
    return new History(start, end, step);
  }

  public Instant start() {
    return start;
  }

  public Instant end() {
    return end;
  }

  public Duration step() {
    return step;
  }

  /** A counter increasing at {@code ratePerSecond(t)} from each scrape {@code t} to the next one. */
  public History counter(String name, Map<String, String> labels, Function<Instant, Double> ratePerSecond) {
    Objects.requireNonNull(ratePerSecond, "ratePerSecond");
    add(new Series(name, labels, Kind.COUNTER, ratePerSecond));
    return this;
  }

  /** A gauge whose value at each scrape {@code t} is {@code value(t)}. */
  public History gauge(String name, Map<String, String> labels, Function<Instant, Double> value) {
    Objects.requireNonNull(value, "value");
    add(new Series(name, labels, Kind.GAUGE, value));
    return this;
  }

  /**
   * A histogram as Prometheus clients expose one: counters {@code <name>_bucket} with an {@code le}
   * label per bound plus {@code +Inf}, and {@code <name>_count}. Requests arrive at
   * {@code ratePerSecond(t)}; {@code shareAtMost(t, bound)} is the share of them (0..1) that took at
   * most {@code bound}; it must not decrease as the bound grows. Bounds are printed the way Micrometer
   * prints them ({@code 0.3}, {@code 1.0}). No {@code _sum} is written.
   */
  public History histogram(String name, Map<String, String> labels, List<Double> bounds,
      Function<Instant, Double> ratePerSecond, BiFunction<Instant, Double, Double> shareAtMost) {
    Objects.requireNonNull(ratePerSecond, "ratePerSecond");
    Objects.requireNonNull(shareAtMost, "shareAtMost");
    if (labels.containsKey("le")) {
      throw new IllegalArgumentException("histogram " + name + ": the le label is the bucket's, not yours");
    }
    for (double bound : bounds) {
      Map<String, String> bucket = new TreeMap<>(labels);
      bucket.put("le", Double.toString(bound));
      counter(name + "_bucket", bucket, t -> {
        Double rate = ratePerSecond.apply(t);
        return rate == null ? null : rate * shareAtMost.apply(t, bound);
      });
    }
    Map<String, String> infinity = new TreeMap<>(labels);
    infinity.put("le", "+Inf");
    counter(name + "_bucket", infinity, ratePerSecond);
    return counter(name + "_count", labels, ratePerSecond);
  }

  private void add(Series series) {
    List<Series> family = families.computeIfAbsent(series.name, n -> new ArrayList<>());
    for (Series other : family) {
      if (other.kind != series.kind) {
        throw new IllegalArgumentException(series.name + " is declared both as " + other.kind + " and " + series.kind);
      }
      if (other.labels.equals(series.labels)) {
        throw new IllegalArgumentException("series declared twice: " + series.name + series.labels);
      }
    }
    family.add(series);
  }

  /** How many samples the history holds, for timing messages. */
  public long sampleCount() {
    long scrapes = Duration.between(start, end).getSeconds() / step.getSeconds() + 1;
    return scrapes * families.values().stream().mapToLong(List::size).sum();
  }

  /** Writes the history as OpenMetrics text with timestamps, one family after another, ending in {@code # EOF}. */
  public void writeOpenMetrics(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeOpenMetrics(out);
    }
  }

  void writeOpenMetrics(Writer out) throws IOException {
    long stepSeconds = step.getSeconds();
    long first = start.getEpochSecond();
    long last = end.getEpochSecond();
    StringBuilder line = new StringBuilder(256);
    for (Map.Entry<String, List<Series>> family : families.entrySet()) {
      // Counters are declared 'unknown': an OpenMetrics counter family's samples must be named
      // <family>_total, which would rule out Micrometer's _count and _bucket. The blocks keep no
      // type anyway; what matters is that every name is a valid sample of its family.
      String type = family.getValue().get(0).kind == Kind.GAUGE ? "gauge" : "unknown";
      out.write("# TYPE " + family.getKey() + " " + type + "\n");
      for (Series series : family.getValue()) {
        String prefix = series.exposedName();
        double total = 0;
        for (long second = first; second <= last; second += stepSeconds) {
          Double value = series.function.apply(Instant.ofEpochSecond(second));
          if (value == null) {
            continue;
          }
          line.setLength(0);
          line.append(prefix).append(' ');
          appendValue(line, series.kind == Kind.COUNTER ? total : value);
          line.append(' ').append(second).append('\n');
          out.append(line);
          if (series.kind == Kind.COUNTER) {
            total += value * stepSeconds;
          }
        }
      }
    }
    out.write("# EOF\n");
  }

  private static void appendValue(StringBuilder line, double value) {
    if (Double.isNaN(value)) {
      line.append("NaN");
    } else if (Double.isInfinite(value)) {
      line.append(value > 0 ? "+Inf" : "-Inf");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      line.append((long) value); // shorter and faster than Double.toString for the common case
    } else {
      line.append(value); // shortest text that parses back to the same double
    }
  }

  /**
   * Writes the history to {@code workDir/history.om} and turns it into TSDB blocks in
   * {@code workDir/data} with promtool; returns that folder, which Prometheus can start on.
   * Skips the test (or fails it in CI) when promtool is missing.
   */
  public Path writeBlocks(Path workDir) throws IOException {
    if (families.isEmpty()) {
      throw new IllegalStateException("the history has no series");
    }
    Files.createDirectories(workDir);
    Path text = workDir.resolve("history.om");
    Path data = workDir.resolve("data");
    Files.createDirectories(data);
    writeOpenMetrics(text);
    // --max-block-duration is hidden in promtool 2.42; without it every 2 h is a block of its own,
    // and promtool parses the whole file once per block (84 times for a week).
    ExternalTool.Run run = ExternalTool.promtool().run("tsdb", "create-blocks-from",
        "--max-block-duration=" + BLOCK_DURATION.toHours() + "h", "--quiet", "openmetrics",
        text.toString(), data.toString());
    if (!run.succeeded()) {
      throw new IllegalStateException("promtool could not import " + text + ":\n" + run.output());
    }
    return data;
  }

  private enum Kind { COUNTER, GAUGE }

  /** One series: its name, labels and the function that gives its rate (counter) or value (gauge). */
  private static final class Series {
    final String name;
    final Map<String, String> labels;
    final Kind kind;
    final Function<Instant, Double> function;

    Series(String name, Map<String, String> labels, Kind kind, Function<Instant, Double> function) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(labels, "labels");
      if (!METRIC_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a metric name: '" + name + "'");
      }
      for (Map.Entry<String, String> label : labels.entrySet()) {
        if (!LABEL_NAME.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
          throw new IllegalArgumentException(name + ": not a label name: '" + label.getKey() + "'");
        }
        Objects.requireNonNull(label.getValue(), () -> name + ": label " + label.getKey() + " has no value");
      }
      this.name = name;
      this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
      this.kind = kind;
      this.function = function;
    }

    /** {@code name{a="1",b="2"}}, with label values escaped as OpenMetrics requires. */
    String exposedName() {
      if (labels.isEmpty()) {
        return name;
      }
      StringBuilder text = new StringBuilder(name).append('{');
      String separator = "";
      for (Map.Entry<String, String> label : labels.entrySet()) {
        text.append(separator).append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
        separator = ",";
      }
      return text.append('}').toString();
    }

    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
  }
}
