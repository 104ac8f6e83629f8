package dev.sredsl.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request series of one service, {@code job="bench"}, as Micrometer's Prometheus registry exports
 * them, scraped every {@code step} seconds from {@code start} on: the history of the rule-cost benchmark,
 * written as OpenMetrics text for promtool, then continued live by {@link #exposition} for a Prometheus to
 * scrape.
 *
 * <p>N counter series {@code http_server_requests_seconds_count{job, instance, method, uri, outcome,
 * status}}: series {@code i} belongs to group {@code i / 5} (an instance, a method and a URI: 20
 * instances, 4 methods, as many URIs as it takes) and has, by {@code i % 5}, outcome and status
 * {@code SERVER_ERROR 500}, {@code CLIENT_ERROR 404}, {@code SUCCESS 200}, {@code 201}, {@code 204}: one
 * series in five counts failures. A group serves 1 to 10 requests a second (mostly 200s), more by day than
 * by night (plus or minus 40% over 24 h); failures are about 0.05% of its requests, the ratio itself
 * varying over the day between about 0.02% and 0.08%, and by group. Increments are whole requests,
 * drawn per scrape from a hash of series and step, so the same series and step always give the same
 * value: the history is the same for the same start. Three instances restart once during the history
 * (their counters start again from 0).
 *
 * <p>For the 200s of two groups in five, the histogram {@code http_server_requests_seconds_bucket} with
 * bounds 0.05, 0.1, 0.3, 1.0 and +Inf seconds (the +Inf bucket equals the series' count), the slow share
 * varying over the day: 0.4 N bucket series in all.
 *
 * <p>The values live in this object: {@link #writeOpenMetrics} writes the scrapes after the last one
 * written up to a given step and keeps the counters there; {@link #exposition} continues from there, so
 * history and live scrapes are one series.
 */
final class RequestHistory {

  static final String JOB = "bench";
  static final String COUNT = "http_server_requests_seconds_count";
  static final String BUCKET = "http_server_requests_seconds_bucket";
  static final String[] BOUNDS = {"0.05", "0.1", "0.3", "1.0", "+Inf"};
  /** Share of requests answered within each bound, on average over the day. */
  private static final double[] WITHIN = {0.55, 0.85, 0.985, 0.998, 1.0};
  static final int INSTANCES = 20;
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
  /** Outcome, status and share of the group's 200s, by series index modulo 5; errors are set apart. */
  private static final String[] OUTCOMES = {"SERVER_ERROR", "CLIENT_ERROR", "SUCCESS", "SUCCESS", "SUCCESS"};
  private static final String[] STATUSES = {"500", "404", "200", "201", "204"};
  private static final double[] SHARE_OF_200 = {0, 0.02, 1, 0.3, 0.1};
  /** Failed requests over all requests, on average. */
  static final double ERROR_RATIO = 0.0005;
  /** Instances that restart once, and when, as a share of the history. */
  private static final int[] RESTARTING = {3, 11, 17};
  private static final double[] RESTART_AT = {0.3, 0.55, 0.8};
  private static final double DAY = 86_400;

  private final int n;
  private final long start;
  private final int step;
  private final long[] restartStep = new long[INSTANCES];
  private final double[] rate;
  private final byte[][] countPrefix;
  private final int[] bucketParent;
  private final int[] bucketBound;
  private final byte[][] bucketPrefix;
  private final long[] counts;
  private final long[] buckets;
  /** The step the values in {@link #counts} and {@link #buckets} are at; -1 before the first. */
  private long at = -1;
  /** The part {@link #writeOpenMetrics(Path, long, int, int)} writes next, of how many (0 when none started). */
  private int nextPart;
  private int nextParts;
  private long partsTo;

  /**
   * @param n counter series
   * @param start epoch second of the first scrape
   * @param step seconds between scrapes
   * @param historySteps the steps of the history to be written; the restarts fall within them
   */
  RequestHistory(int n, long start, int step, long historySteps) {
    this.n = n;
    this.start = start;
    this.step = step;
    java.util.Arrays.fill(restartStep, -1);
    for (int r = 0; r < RESTARTING.length; r++) {
      restartStep[RESTARTING[r]] = Math.max(1, Math.round(historySteps * RESTART_AT[r]));
    }
    rate = new double[n];
    countPrefix = new byte[n][];
    List<int[]> bucketSeries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int group = i / 5;
      int kind = i % 5;
      double requests = 1 + 9 * unit(group, -1);
      rate[i] = kind == 0 ? requests * 1.42 * ERROR_RATIO * (0.5 + unit(group, -2)) : requests * SHARE_OF_200[kind];
      countPrefix[i] = (COUNT + "{" + labels(i) + "} ").getBytes(StandardCharsets.UTF_8);
      if (kind == 2 && group % 5 < 2) {
        for (int b = 0; b < BOUNDS.length; b++) {
          bucketSeries.add(new int[] {i, b});
        }
      }
    }
    bucketParent = bucketSeries.stream().mapToInt(s -> s[0]).toArray();
    bucketBound = bucketSeries.stream().mapToInt(s -> s[1]).toArray();
    bucketPrefix = new byte[bucketParent.length][];
    for (int b = 0; b < bucketParent.length; b++) {
      bucketPrefix[b] = (BUCKET + "{" + labels(bucketParent[b]) + ",le=\"" + BOUNDS[bucketBound[b]] + "\"} ")
          .getBytes(StandardCharsets.UTF_8);
    }
    counts = new long[n];
    buckets = new long[bucketParent.length];
  }

  private static String labels(int i) {
    int group = i / 5;
    return String.format(Locale.ROOT, "instance=\"bench-%02d\",job=\"%s\",method=\"%s\",outcome=\"%s\",status=\"%s\","
        + "uri=\"/api/r%d\"", group % INSTANCES, JOB, METHODS[group / INSTANCES % METHODS.length], OUTCOMES[i % 5],
        STATUSES[i % 5], group / (INSTANCES * METHODS.length));
  }

  int countSeries() {
    return n;
  }

  int bucketSeries() {
    return bucketParent.length;
  }

  int seriesCount() {
    return n + bucketParent.length;
  }

  /** The epoch second of scrape {@code s}. */
  long time(long s) {
    return start + s * step;
  }

  /** The step of the last scrape written or exposed. */
  synchronized long at() {
    return at;
  }

  /**
   * Writes the scrapes after the last one written up to step {@code to} as OpenMetrics text (families
   * one after the other, each series' samples in time order, timestamps in seconds, {@code # EOF} at the
   * end) and returns the number of samples.
   */
  synchronized long writeOpenMetrics(Path file, long to) throws IOException {
    return writeOpenMetrics(file, to, 0, 1);
  }

  /**
   * Writes part {@code part} of {@code parts} of the series (a slice of the counts and one of the
   * buckets) for the scrapes after the last one written up to step {@code to}, and returns the number of
   * samples. Parts are written in order, all up to the same step; once the last is written the history
   * is at {@code to}. Parts hold disjoint series, so promtool can turn them into blocks side by side.
   */
  synchronized long writeOpenMetrics(Path file, long to, int part, int parts) throws IOException {
    long from = at + 1;
    if (to < from || part != nextPart || part >= parts || nextParts != 0 && (parts != nextParts || to != partsTo)) {
      throw new IllegalArgumentException("at step " + at + ", next part " + nextPart + ": cannot write part " + part
          + " of " + parts + " up to step " + to);
    }
    int countsFrom = (int) ((long) n * part / parts);
    int countsTo = (int) ((long) n * (part + 1) / parts);
    int bucketsFrom = (int) ((long) buckets.length * part / parts);
    int bucketsTo = (int) ((long) buckets.length * (part + 1) / parts);
    try (Sink sink = new Sink(Files.newOutputStream(file))) {
      advance(from, to, countsFrom, countsTo, bucketsFrom, bucketsTo, sink);
      sink.bytes("# EOF\n".getBytes(StandardCharsets.US_ASCII));
    }
    if (part == parts - 1) {
      at = to;
      nextPart = 0;
      nextParts = 0;
    } else {
      nextPart = part + 1;
      nextParts = parts;
      partsTo = to;
    }
    return (to - from + 1) * (countsTo - countsFrom + bucketsTo - bucketsFrom);
  }

  /**
   * The Prometheus text exposition of every series at {@code epochSecond}: the values of the last scrape
   * step at or before it, the series continued from where the history ended.
   */
  synchronized byte[] exposition(long epochSecond) throws IOException {
    long step = Math.floorDiv(epochSecond - start, this.step);
    if (nextPart != 0) {
      throw new IllegalStateException("part " + nextPart + " of " + nextParts + " is not written yet");
    }
    if (step > at) {
      advance(at + 1, step, 0, n, 0, buckets.length, null);
      at = step;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(seriesCount() * 140);
    try (Sink sink = new Sink(bytes)) {
      for (int i = 0; i < n; i++) {
        sink.bytes(countPrefix[i]);
        sink.number(counts[i]);
        sink.newline();
      }
      for (int b = 0; b < buckets.length; b++) {
        sink.bytes(bucketPrefix[b]);
        sink.number(buckets[b]);
        sink.newline();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Moves the given slices of the counts and the buckets from step {@code from - 1} to {@code to}, writing
   * each sample when given a sink.
   */
  private void advance(long from, long to, int countsFrom, int countsTo, int bucketsFrom, int bucketsTo, Sink sink)
      throws IOException {
    int steps = (int) (to - from + 1);
    double[] traffic = new double[steps];
    double[] errors = new double[steps];
    double[] slow = new double[steps];
    long[] times = new long[steps];
    for (int k = 0; k < steps; k++) {
      long t = time(from + k);
      double phase = 2 * Math.PI * (t % (long) DAY) / DAY;
      traffic[k] = 1 + 0.4 * Math.sin(phase);
      errors[k] = traffic[k] * (1 + 0.6 * Math.sin(phase + 2.0));
      slow[k] = 1 + 0.5 * Math.sin(phase + 1.0);
      times[k] = t;
    }
    if (sink != null && countsTo > countsFrom) {
      sink.bytes(("# TYPE " + COUNT + " counter\n").getBytes(StandardCharsets.US_ASCII));
    }
    for (int i = countsFrom; i < countsTo; i++) {
      double[] factor = i % 5 == 0 ? errors : traffic;
      long restart = restartStep[i / 5 % INSTANCES];
      long value = counts[i];
      for (int k = 0; k < steps; k++) {
        long s = from + k;
        if (s == 0) {
          value = initial(i);
        } else {
          long inc = increment(i, s, factor[k]);
          value = s == restart ? inc : value + inc;
        }
        if (sink != null) {
          sink.sample(countPrefix[i], value, times[k]);
        }
      }
      counts[i] = value;
    }
    if (sink != null && bucketsTo > bucketsFrom) {
      sink.bytes(("# TYPE " + BUCKET + " counter\n").getBytes(StandardCharsets.US_ASCII));
    }
    for (int b = bucketsFrom; b < bucketsTo; b++) {
      int i = bucketParent[b];
      double tail = 1 - WITHIN[bucketBound[b]];
      long restart = restartStep[i / 5 % INSTANCES];
      long value = buckets[b];
      for (int k = 0; k < steps; k++) {
        long s = from + k;
        if (s == 0) {
          value = (long) (initial(i) * WITHIN[bucketBound[b]]);
        } else {
          long inc = increment(i, s, traffic[k]);
          // The same draw for every bound of a series keeps the buckets cumulative; +Inf is the count.
          long within = tail == 0 ? inc : (long) (inc * (1 - tail * slow[k]) + unit(i, s ^ 0x5DEECE66DL));
          value = s == restart ? within : value + within;
        }
        if (sink != null) {
          sink.sample(bucketPrefix[b], value, times[k]);
        }
      }
      buckets[b] = value;
    }
  }

  /** Requests counted before the first scrape: up to a day's worth. */
  private long initial(int i) {
    return (long) (rate[i] * DAY * unit(i, -3));
  }

  /** Whole requests between scrapes {@code s - 1} and {@code s}: the expected count, rounded at random. */
  private long increment(int i, long s, double factor) {
    return (long) (rate[i] * factor * step + unit(i, s));
  }

  /** A number in [0, 1) that depends on {@code a} and {@code b} only (SplitMix64's finalizer). */
  private static double unit(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  /** Bytes to a stream through a buffer of its own, numbers written without {@code String}s. */
  private static final class Sink implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 20];
    private int position;

    Sink(OutputStream out) {
      this.out = out;
    }

    void sample(byte[] prefix, long value, long time) throws IOException {
      bytes(prefix);
      number(value);
      room(1);
      buffer[position++] = ' ';
      number(time);
      newline();
    }

    void bytes(byte[] bytes) throws IOException {
      room(bytes.length);
      System.arraycopy(bytes, 0, buffer, position, bytes.length);
      position += bytes.length;
    }

    void newline() throws IOException {
      room(1);
      buffer[position++] = '\n';
    }

    /** A non-negative number in decimal. */
    void number(long value) throws IOException {
      room(20);
      int digits = 1;
      for (long rest = value / 10; rest > 0; rest /= 10) {
        digits++;
      }
      int p = position + digits;
      long rest = value;
      do {
        buffer[--p] = (byte) ('0' + rest % 10);
        rest /= 10;
      } while (rest > 0);
      position += digits;
    }

    private void room(int bytes) throws IOException {
      if (position + bytes > buffer.length) {
        out.write(buffer, 0, position);
        position = 0;
      }
    }

    @Override
    public void close() throws IOException {
      out.write(buffer, 0, position);
      position = 0;
      out.close();
    }
  }
}
