package dev.sredsl.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;

/**
 * A history of counters scraped every {@code step} from {@code start} to {@code end} (both included),
 * written as OpenMetrics text and turned into TSDB blocks by {@code promtool tsdb create-blocks-from
 * openmetrics}, for a Prometheus to start on. A counter is given by its rate per second as a function of
 * the scrape's time in epoch seconds: between the scrapes at {@code t} and {@code t + step} it grows by
 * {@code rate(t) * step}, from 0 at {@code start}, so {@code rate()} over whole scrapes gives the designed
 * rate back. Every series has a sample at every scrape. Families are written one after the other, as
 * OpenMetrics wants; their type is {@code unknown}, since an OpenMetrics counter's samples would have to
 * end in {@code _total} (Micrometer's {@code _count} and {@code _bucket} do not), and blocks keep no
 * type anyway.
 */
final class CounterHistory {

  /** Blocks of 486 h (a range of Prometheus' own compaction): the history in one or two blocks. */
  private static final String MAX_BLOCK_DURATION = "486h";

  private final long start;
  private final long end;
  private final long step;
  /** Series text ({@code name{labels}}) per family, in the order first declared. */
  private final Map<String, Map<String, LongToDoubleFunction>> families = new LinkedHashMap<>();

  /** Times are whole seconds; {@code step} is a positive whole number of seconds. */
  CounterHistory(Instant start, Instant end, Duration step) {
    if (step.getSeconds() <= 0 || step.getNano() != 0 || start.getNano() != 0 || end.getNano() != 0
        || !end.isAfter(start)) {
      throw new IllegalArgumentException("whole seconds and a positive step, please: " + start + " .. " + end
          + " every " + step);
    }
    this.start = start.getEpochSecond();
    this.end = end.getEpochSecond();
    this.step = step.getSeconds();
  }

  /** A counter growing at {@code ratePerSecond(epochSecond)}; label values must need no escaping. */
  CounterHistory counter(String name, Map<String, String> labels, LongToDoubleFunction ratePerSecond) {
    StringBuilder series = new StringBuilder(name).append('{');
    String separator = "";
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      String value = label.getValue();
      if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("label value needs escaping: " + label);
      }
      series.append(separator).append(label.getKey()).append("=\"").append(value).append('"');
      separator = ",";
    }
    String text = series.append('}').toString();
    if (families.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(text, ratePerSecond) != null) {
      throw new IllegalArgumentException("series declared twice: " + text);
    }
    return this;
  }

  int seriesCount() {
    return families.values().stream().mapToInt(Map::size).sum();
  }

  long sampleCount() {
    return ((end - start) / step + 1) * seriesCount();
  }

  /** Writes the OpenMetrics text, timestamps in seconds, ending in {@code # EOF}. */
  void writeOpenMetrics(Path file) throws IOException {
    StringBuilder line = new StringBuilder(160);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Map<String, LongToDoubleFunction>> family : families.entrySet()) {
        out.write("# TYPE " + family.getKey() + " unknown\n");
        for (Map.Entry<String, LongToDoubleFunction> series : family.getValue().entrySet()) {
          double total = 0;
          for (long second = start; second <= end; second += step) {
            line.setLength(0);
            line.append(series.getKey()).append(' ');
            if (total == Math.rint(total) && total < 1e15) {
              line.append((long) total);
            } else {
              line.append(total);
            }
            line.append(' ').append(second).append('\n');
            out.append(line);
            total += series.getValue().applyAsDouble(second) * step;
          }
        }
      }
      out.write("# EOF\n");
    }
  }

  /**
   * Writes {@code work/history.om}, turns it into blocks in {@code work/data} with promtool, deletes the
   * text and returns the data folder.
   */
  Path writeBlocks(Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path text = work.resolve("history.om");
    Path data = Files.createDirectories(work.resolve("data"));
    writeOpenMetrics(text);
    createBlocks(text, data, work.resolve("promtool.log"));
    Files.delete(text);
    return data;
  }

  /**
   * Turns OpenMetrics text into TSDB blocks in {@code data} with {@code promtool tsdb create-blocks-from
   * openmetrics}, blocks of up to {@value #MAX_BLOCK_DURATION}; promtool's output goes to {@code log}.
   */
  static void createBlocks(Path text, Path data, Path log) throws IOException, InterruptedException {
    // --max-block-duration is hidden in promtool 2.42; without it every 2 h is a block of its own and
    // promtool parses the whole file once per block.
    List<String> command = new ArrayList<>(List.of("promtool", "tsdb", "create-blocks-from",
        "--max-block-duration=" + MAX_BLOCK_DURATION, "--quiet", "openmetrics", text.toString(), data.toString()));
    Process promtool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!promtool.waitFor(30, TimeUnit.MINUTES)) {
      promtool.destroyForcibly();
      throw new IllegalStateException("promtool did not finish within 30 minutes: " + String.join(" ", command));
    }
    if (promtool.exitValue() != 0) {
      throw new IllegalStateException("promtool failed (" + promtool.exitValue() + "): " + String.join(" ", command)
          + "\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}
