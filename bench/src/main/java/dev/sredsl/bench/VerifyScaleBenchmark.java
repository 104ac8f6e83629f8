package dev.sredsl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.VerifyGoal;
import dev.sredsl.pipeline.VerifyOutcome;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.verify.Credentials;
import dev.sredsl.verify.Finding;
import dev.sredsl.verify.HttpPrometheusApi;
import dev.sredsl.verify.PrometheusApi;
import dev.sredsl.verify.Verification;
import dev.sredsl.verify.VerifyResult.AlertResult;
import dev.sredsl.verify.VerifyResult.ServiceResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backtest at scale: {@code sre:verify}'s library run ({@link VerifyGoal#run}) for N services against
 * a local Prometheus serving a designed history ({@link BacktestServices}: four counter series and ten
 * alerts per service, an error burst each).
 *
 * <p>For each N the history (the 7-day window plus the 3 days before it that the longest burn-rate
 * window reads, scraped every 30 s) is written as OpenMetrics text and turned into blocks by
 * {@code promtool}; a Prometheus of its own starts on them and is stopped after. The run is what
 * {@code sre:verify} does with its defaults: window 7d, evaluation interval 1m, lookback 7d, 4 queries in
 * flight. One warm-up run, then measured runs (5 for N of at most 1, 3 up to 10, 2 beyond); each is timed
 * by the wall clock from the call to the reports written, and the median is reported.
 *
 * <p>Per run it also counts the API calls the library made (a counting {@link PrometheusApi}), the HTTP
 * requests Prometheus answered ({@code prometheus_http_requests_total} of {@code /metrics}, a range of
 * more than 11,000 points being split in several), Prometheus' CPU time ({@code /proc/<pid>/stat}), the
 * benchmark JVM's, and what the rest of the machine used meanwhile ({@code /proc/stat}), which tells a run
 * that other builds slowed down. From Prometheus' query log of the last run it sums the engine's time per
 * kind of query (instant or range, and the longest range the query reads), which shows what dominates,
 * and the slowest query of each service.
 *
 * <p>Usage: {@code bench/verify-scale [N ...]}, by default 1 10 100.
 */
public final class VerifyScaleBenchmark {

  static final Instant END = Instant.parse("2026-11-29T00:00:00Z");
  static final Duration WINDOW = Duration.ofDays(7);
  /** The longest range an alert reads (the slow burn's 3d): history before the window, as a real server has. */
  static final Duration LEAD = Duration.ofDays(3);
  static final Duration SCRAPE = Duration.ofSeconds(30);
  /** {@code sre.evaluationInterval}'s default. */
  static final Duration STEP = Duration.ofMinutes(1);
  /** {@code sre.prometheusMaxConcurrentQueries}' default: threads of the run and requests in flight. */
  static final int THREADS = 4;

  private static final Pattern RANGE = Pattern.compile("\\[([0-9a-z]+)(?::[0-9a-z]*)?\\]");
  private static final Pattern JOB = Pattern.compile("job=\"(svc-[0-9]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;

  private VerifyScaleBenchmark(Path work) {
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {1, 10, 100} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Path work = Files.createTempDirectory("sre-verify-scale-");
    try {
      new VerifyScaleBenchmark(work).run(sizes);
    } finally {
      GenerateScaleBenchmark.deleteTree(work);
    }
  }

  private void run(int[] sizes) throws IOException, InterruptedException {
    System.out.printf(Locale.ROOT, "# sre-dsl backtest at scale: Java %s, %d cores, %s, load average %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), prometheusVersion(),
        loadAverage());
    System.out.printf(Locale.ROOT, "# per service: %d series scraped every %s, %d alerts (8 declared, 2 burn-rate);"
        + " window %s ending %s, history from %s before it; step %s, %d queries in flight%n",
        BacktestServices.SERIES_PER_SERVICE, PromDuration.format(SCRAPE), BacktestServices.ALERTS_PER_SERVICE,
        PromDuration.format(WINDOW), END, PromDuration.format(LEAD), PromDuration.format(STEP), THREADS);
    List<String> summaries = new ArrayList<>();
    for (int n : sizes) {
      summaries.add(measure(n));
    }
    System.out.println("# N services | alerts | API calls (query, range, series, other) | HTTP requests answered"
        + " | wall median (min..max) | per service | CPU medians: Prometheus, JVM, other processes"
        + " | load average after");
    summaries.forEach(System.out::println);
  }

  private String measure(int n) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(work.resolve("n" + n));
    BacktestServices services = new BacktestServices(n);
    CounterHistory history = new CounterHistory(END.minus(WINDOW).minus(LEAD), END, SCRAPE);
    services.addHistory(history, END.minus(WINDOW));
    long started = System.nanoTime();
    Path data = history.writeBlocks(dir.resolve("history"));
    System.out.printf(Locale.ROOT, "N=%d: %,d series, %,d samples written to blocks in %.1f s (%s)%n", n,
        history.seriesCount(), history.sampleCount(), (System.nanoTime() - started) / 1e9, size(data));
    started = System.nanoTime();
    try (BenchPrometheus prometheus = BenchPrometheus.start(data, dir.resolve("prometheus"))) {
      System.out.printf(Locale.ROOT, "N=%d: Prometheus (pid %d) ready in %.1f s at %s%n", n, prometheus.pid(),
          (System.nanoTime() - started) / 1e9, prometheus.baseUrl());
      int warmups = 1;
      int rounds = n <= 1 ? 5 : n <= 10 ? 3 : 2;
      List<Round> measured = new ArrayList<>();
      for (int i = 0; i < warmups + rounds; i++) {
        Round round = round(n, prometheus, dir.resolve("out-" + i));
        boolean warmup = i < warmups;
        System.out.printf(Locale.ROOT, "N=%d: %s %d: %s%n", n, warmup ? "warm-up" : "round", warmup ? i + 1
            : i - warmups + 1, round);
        if (warmup) {
          System.out.println("N=" + n + ": " + round.check);
        } else {
          measured.add(round);
        }
      }
      Round last = measured.get(measured.size() - 1);
      System.out.println("N=" + n + ": engine time by kind of query, last round (Prometheus' query log):");
      breakdown(prometheus.queryLog(), last.queryLogFrom, last.wallNanos).forEach(System.out::println);
      return summary(n, measured);
    } finally {
      GenerateScaleBenchmark.deleteTree(dir);
    }
  }

  /** One run of the verify goal, with what it cost. */
  private Round round(int n, BenchPrometheus prometheus, Path out) throws IOException, InterruptedException {
    CountingApi api = new CountingApi(new HttpPrometheusApi(prometheus.baseUrl(), Credentials.none()));
    Verification.Settings settings = new Verification.Settings(END, WINDOW, STEP, WINDOW, null, null, THREADS);
    long queryLogFrom = Files.exists(prometheus.queryLog()) ? Files.size(prometheus.queryLog()) : 0;
    Map<String, Double> before = prometheus.metrics("prometheus_http_requests_total");
    double cpuBefore = prometheus.cpuSeconds();
    long jvmBefore = jvmCpuNanos();
    double machineBefore = machineBusySeconds();
    long start = System.nanoTime();
    VerifyOutcome outcome = new VerifyGoal().run(source(n), GenerationSettings.DEFAULTS, api, settings, null, out,
        line -> { });
    long wall = System.nanoTime() - start;
    long jvm = jvmCpuNanos() - jvmBefore;
    double cpu = prometheus.cpuSeconds() - cpuBefore;
    double others = machineBusySeconds() - machineBefore - cpu - jvm / 1e9;
    Map<String, Double> after = prometheus.metrics("prometheus_http_requests_total");
    if (!Files.isRegularFile(out.resolve(VerifyGoal.REPORTS_FOLDER).resolve("sre-verify.json"))) {
      throw new IllegalStateException("the run wrote no report in " + out);
    }
    long http = 0;
    for (Map.Entry<String, Double> sample : after.entrySet()) {
      if (sample.getKey().contains("handler=\"/api/v1/")) {
        http += Math.round(sample.getValue() - before.getOrDefault(sample.getKey(), 0.0));
      }
    }
    GenerateScaleBenchmark.deleteTree(out);
    return new Round(wall, cpu, jvm, others, api.counts(), http, alerts(outcome), check(n, outcome), queryLogFrom);
  }

  /** The definitions, declared afresh by each run (the DSL is part of what the goal pays for). */
  private static DefinitionsSource source(int n) {
    return new DefinitionsSource() {
      @Override
      public dev.sredsl.dsl.Declarations load() {
        SreRegistry registry = new SreRegistry();
        registry.collect(new BacktestServices(n));
        return registry.declarations();
      }

      @Override
      public String fingerprint(Object settings) {
        return null;
      }
    };
  }

  private static int alerts(VerifyOutcome outcome) {
    return outcome.result().services().stream().mapToInt(s -> s.alerts().size()).sum();
  }

  /**
   * Whether the backtest saw the history as designed: every service's burst fires its 5-minute
   * error-ratio alert once and its fast-burn alert, and no alert lacked data.
   */
  private static String check(int n, VerifyOutcome outcome) {
    int asDesigned = 0;
    int episodes = 0;
    int notEvaluable = 0;
    for (ServiceResult service : outcome.result().services()) {
      boolean burst = false;
      boolean fastBurn = false;
      for (AlertResult alert : service.alerts()) {
        int fired = alert.current().episodes().size();
        episodes += fired;
        notEvaluable += alert.current().evaluable() ? 0 : 1;
        burst |= alert.name().endsWith("ErrorBurst") && fired == 1;
        fastBurn |= alert.name().endsWith("ErrorBudgetFastBurn") && fired >= 1;
      }
      asDesigned += burst && fastBurn ? 1 : 0;
    }
    long errors = outcome.result().services().stream().flatMap(s -> s.findings().stream())
        .filter(f -> f.kind().severity() == Finding.Level.ERROR).count();
    String verdict = asDesigned == n && notEvaluable == 0 && outcome.result().services().size() == n ? "as designed"
        : "NOT AS DESIGNED";
    return String.format(Locale.ROOT, "check: %s: %d of %d services fired their burst and fast-burn alerts; %d"
        + " episodes in all; %d alerts without data; %d error findings", verdict, asDesigned, n, episodes,
        notEvaluable, errors);
  }

  private static String summary(int n, List<Round> rounds) {
    long[] walls = rounds.stream().mapToLong(Round::wallNanos).sorted().toArray();
    double wall = median(walls);
    Round first = rounds.get(0);
    return String.format(Locale.ROOT, "N=%-4d | %5d alerts | %s | %6d | %7.1f s (%.1f..%.1f, %d runs) | %5.2f s"
        + " | %6.1f s, %5.1f s, %5.1f s | %s", n, first.alerts, first.calls, first.httpRequests, wall / 1e9,
        walls[0] / 1e9, walls[walls.length - 1] / 1e9, walls.length, wall / 1e9 / n,
        median(rounds.stream().mapToDouble(Round::prometheusCpu).sorted().toArray()),
        median(rounds.stream().mapToLong(Round::jvmCpuNanos).sorted().toArray()) / 1e9,
        median(rounds.stream().mapToDouble(Round::othersCpu).sorted().toArray()), loadAverage());
  }

  /**
   * The engine's time for the queries logged from {@code offset} on, grouped by kind: instant or range
   * query, and the longest range (or subquery range) in the query's text. Then the slowest query of each
   * service, summed: services are verified one after the other, so with queries in flight together this
   * sum is a floor of the wall time.
   */
  private static List<String> breakdown(Path queryLog, long offset, long wallNanos) throws IOException {
    Map<String, double[]> kinds = new TreeMap<>();
    Map<String, Double> slowest = new TreeMap<>();
    double total = 0;
    try (RandomAccessFile file = new RandomAccessFile(queryLog.toFile(), "r")) {
      file.seek(offset);
      byte[] rest = new byte[(int) (file.length() - offset)];
      file.readFully(rest);
      for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode entry = JSON.readTree(line);
        String query = entry.path("params").path("query").asText();
        boolean range = entry.path("params").path("step").asDouble(0) > 0;
        double seconds = entry.path("stats").path("timings").path("execTotalTime").asDouble();
        double samples = entry.path("stats").path("samples").path("totalQueryableSamples").asDouble(0);
        String kind = String.format(Locale.ROOT, "%-7s longest range %s", range ? "range" : "instant",
            longestRange(query).map(PromDuration::format).orElse("none"));
        Matcher job = JOB.matcher(query);
        if (job.find()) {
          slowest.merge(job.group(1), seconds, Math::max);
        }
        double[] sums = kinds.computeIfAbsent(kind, k -> new double[3]);
        sums[0]++;
        sums[1] += seconds;
        sums[2] += samples;
        total += seconds;
      }
    }
    double all = total;
    List<String> lines = new ArrayList<>();
    kinds.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1]))
        .forEach(e -> lines.add(String.format(Locale.ROOT, "  %-30s %6.0f queries %9.1f s %5.1f%%  %,.0f samples",
            e.getKey(), e.getValue()[0], e.getValue()[1], 100 * e.getValue()[1] / all, e.getValue()[2])));
    lines.add(String.format(Locale.ROOT, "  %-30s %6s %17.1f s (summed over queries in flight together)", "all",
        "", all));
    lines.add(String.format(Locale.ROOT, "  slowest query of each service, summed over %d services: %.1f s (the run's"
        + " wall time: %.1f s)", slowest.size(), slowest.values().stream().mapToDouble(Double::doubleValue).sum(),
        wallNanos / 1e9));
    return lines;
  }

  private static Optional<Duration> longestRange(String query) {
    Duration longest = null;
    Matcher m = RANGE.matcher(query);
    while (m.find()) {
      Duration range = PromDuration.parse(m.group(1));
      longest = longest == null || range.compareTo(longest) > 0 ? range : longest;
    }
    return Optional.ofNullable(longest);
  }

  private static double median(long[] sorted) {
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }

  private static double median(double[] sorted) {
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time the whole machine spent busy so far (every state of {@code /proc/stat}'s first line but idle
   * and iowait), in seconds; NaN where there is no such file.
   */
  private static double machineBusySeconds() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split(" +");
      long busy = 0;
      // cpu user nice system idle iowait irq softirq steal (guest time is counted in user already)
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
      }
      return busy / (double) BenchPrometheus.clockTicksPerSecond();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String prometheusVersion() {
    try {
      Process version = new ProcessBuilder("prometheus", "--version").redirectErrorStream(true).start();
      String first = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
          .orElse("prometheus, version unknown");
      version.waitFor();
      return first.replaceFirst(" \\(.*", "");
    } catch (IOException e) {
      throw new IllegalStateException("prometheus is not installed (Debian package 'prometheus'): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "prometheus, version unknown";
    }
  }

  private static String size(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      long bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
  }

  /** What one run cost. */
  private record Round(long wallNanos, double prometheusCpu, long jvmCpuNanos, double othersCpu, String calls,
      long httpRequests, int alerts, String check, long queryLogFrom) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f s wall, %d alerts, API calls %s, %d HTTP requests, CPU: Prometheus"
          + " %.1f s, JVM %.1f s, other processes %.1f s", wallNanos / 1e9, alerts, calls, httpRequests, prometheusCpu,
          jvmCpuNanos / 1e9, othersCpu);
    }
  }

  /** Counts the calls the library makes, by method; otherwise passes them on. */
  static final class CountingApi implements PrometheusApi {

    private final PrometheusApi api;
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong ranges = new AtomicLong();
    private final AtomicLong series = new AtomicLong();
    private final AtomicLong other = new AtomicLong();

    CountingApi(PrometheusApi api) {
      this.api = api;
    }

    /** {@code total (query, range, series, other)}. */
    String counts() {
      long total = queries.get() + ranges.get() + series.get() + other.get();
      return String.format(Locale.ROOT, "%5d (%d, %d, %d, %d)", total, queries.get(), ranges.get(), series.get(),
          other.get());
    }

    @Override
    public String describe() {
      return api.describe();
    }

    @Override
    public List<Sample> query(String promql, Instant time) {
      queries.incrementAndGet();
      return api.query(promql, time);
    }

    @Override
    public List<RangeSeries> queryRange(String promql, Instant start, Instant end, Duration step) {
      ranges.incrementAndGet();
      return api.queryRange(promql, start, end, step);
    }

    @Override
    public List<Map<String, String>> series(String selector, Instant start, Instant end) {
      series.incrementAndGet();
      return api.series(selector, start, end);
    }

    @Override
    public Optional<String> config() {
      other.incrementAndGet();
      return api.config();
    }

    @Override
    public Optional<Duration> retention() {
      other.incrementAndGet();
      return api.retention();
    }
  }
}
