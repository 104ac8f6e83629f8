package dev.sredsl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Yaml;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Micrometer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the generated rules cost a real Prometheus: the rules of one service with one availability SLO
 * (99.9% over 30 days) on N request series, in the raw-window form, in the default (recorded) form, and
 * Sloth's rules for the same SLO, each loaded into a Prometheus that serves 3 days of history.
 *
 * <p>For each N: the history ({@link RequestHistory}: N counter series of
 * {@code http_server_requests_seconds_count} and 0.4 N bucket series, scraped every 30 s for 3 days up to
 * now, 1 day above {@value #LONG_HISTORY_UP_TO} series) is written as OpenMetrics text and turned into
 * blocks by promtool, in slices of series side by
 * side when it is large; the generated backfill rules, when the generator writes them, are evaluated over
 * the history by {@code promtool tsdb create-blocks-from rules}; overlapping blocks are left to
 * Prometheus to merge before anything is measured; then the series continue live, served by this JVM and
 * scraped every 30 s. Each rule set gets a Prometheus of its own on the same data, evaluating every
 * {@value #EVALUATION_SECONDS} s for a few minutes: the mean of each group's last evaluation durations
 * (the first evaluation left out) and, at the end, the samples each rule's expression reads
 * ({@code stats=all}'s {@code totalQueryableSamples} of an instant query at that time) and the series each
 * recording rule writes.
 *
 * <p>Usage: {@code bench/rule-cost [N ...]}, by default 300 3000 30000. Environment:
 * {@code RULE_COST_LIVE_SECONDS} (default 120), how long each rule set is evaluated;
 * {@code RULE_COST_SLOTH}, Sloth's generated rules (default
 * {@code ../shared/peer-specs/sloth/_gen/getting-started.yml}); {@code RULE_COST_LONG_HISTORY=1}, 3 days of
 * history at every N; {@code RULE_COST_BACKFILL}, a backfill rule file to use when none is generated.
 */
public final class RuleCostBenchmark {

  static final String SERVICE = RequestHistory.JOB;
  static final Duration HISTORY = Duration.ofDays(3);
  /**
   * Above this many series the history is {@link #SHORT_HISTORY} (unless RULE_COST_LONG_HISTORY=1): 3 days
   * of 30,000 series is 363 million samples, which promtool takes about 20 minutes of CPU to turn into
   * blocks. A shorter history keeps every window up to 1 day exact and the scrape interval at 30 s, so the
   * 5-minute rates, which the default form reads from the raw series, read what they would on a real
   * server; only the 3-day windows (of the raw form and Sloth) read 1 day instead of 3.
   */
  static final int LONG_HISTORY_UP_TO = 10_000;
  static final Duration SHORT_HISTORY = Duration.ofDays(1);
  static final int SCRAPE_SECONDS = 30;
  static final int EVALUATION_SECONDS = 15;
  /** The backfill's evaluation interval: Prometheus' default, which the generated rules assume. */
  static final String BACKFILL_INTERVAL = "1m";
  /** promtool ingests about 300,000 samples a second on one core: slices of this many run side by side. */
  static final long SAMPLES_PER_PART = 64_000_000L;
  static final int PROMTOOLS = 2;
  /** Text parts on disk at once (written, not yet turned into blocks). */
  static final int PARTS_ON_DISK = 3;
  static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(20);
  /** Evaluations of each group measured at least, if the live phase may last up to this factor longer. */
  static final int MIN_EVALUATIONS = 2;
  static final int MAX_LIVE_FACTOR = 3;

  static final String SLOTH_SLO = "myservice-requests-availability";
  static final String SLOTH_BAD_FROM = "http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}";
  static final String SLOTH_ALL_FROM = "http_request_duration_seconds_count{job=\"myservice\"}";
  static final String SLOTH_BAD_TO = RequestHistory.COUNT + "{job=\"" + SERVICE + "\",outcome=\"SERVER_ERROR\"}";
  static final String SLOTH_ALL_TO = RequestHistory.COUNT + "{job=\"" + SERVICE + "\"}";

  static final String RULES = "prometheus/" + SERVICE + ".rules.yml";
  static final String BACKFILL_RULES = "backfill/" + SERVICE + ".rules.yml";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern RULE_GROUP = Pattern.compile("rule_group=\"([^\"]*)\"");

  private final Path work;
  private final Path slothSource;
  private final int liveSeconds;
  private final boolean longHistory;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Integer, Map<String, Measured>> results = new LinkedHashMap<>();
  private final Map<Integer, Double> minutes = new LinkedHashMap<>();
  /** Whether the raw and the default form's rule files are the same bytes (before the generators read the form). */
  private boolean sameRules;
  /** The folder of the N being measured, for the clean-up if the JVM is stopped. */
  private volatile Path current;

  private RuleCostBenchmark(Path work, Path slothSource, int liveSeconds, boolean longHistory) {
    this.work = work;
    this.slothSource = slothSource;
    this.liveSeconds = liveSeconds;
    this.longHistory = longHistory;
  }

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {300, 3_000, 30_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    String sloth = System.getenv().getOrDefault("RULE_COST_SLOTH",
        "../shared/peer-specs/sloth/_gen/getting-started.yml");
    int live = Integer.parseInt(System.getenv().getOrDefault("RULE_COST_LIVE_SECONDS", "120"));
    Path work = Path.of("bench", "target", "rule-cost").toAbsolutePath();
    Files.createDirectories(work);
    boolean longHistory = "1".equals(System.getenv("RULE_COST_LONG_HISTORY"));
    RuleCostBenchmark benchmark = new RuleCostBenchmark(work, Path.of(sloth), live, longHistory);
    // Stopped by a signal: say so, and do not leave gigabytes of text and blocks behind.
    Thread onSignal = new Thread(() -> {
      Path current = benchmark.current;
      if (current != null) {
        System.err.println("rule-cost: stopped before the end; deleting the history and blocks in " + current);
        // promtool and Prometheus, started by this JVM.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        try {
          for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            child.onExit().get(10, TimeUnit.SECONDS);
          }
        } catch (Exception e) {
          ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        try {
          cleanUp(current);
        } catch (IOException | RuntimeException e) {
          System.err.println("rule-cost: could not delete them: " + e);
        }
      }
    }, "rule-cost-clean-up");
    Runtime.getRuntime().addShutdownHook(onSignal);
    benchmark.run(sizes);
    Runtime.getRuntime().removeShutdownHook(onSignal);
  }

  // ---------------------------------------------------------------------------------------------------
  // The run

  private void run(int[] sizes) throws IOException, InterruptedException {
    System.out.println("# sre-dsl rule cost in Prometheus");
    System.out.printf(Locale.ROOT, "# machine: %d cores (%s), %s; %s; %s; %s; load average %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), javaVersion(), firstLine("prometheus",
            "--version"), firstLine("promtool", "--version"), loadAverage());
    System.out.printf(Locale.ROOT, "# service %s: Micrometer HTTP server preset, selector job=\"%s\", one SLO"
        + " Slo.availability(99.9) over 30d; missing-data alerts off (withoutMissingDataAlerts: the history has no up"
        + " series, and Sloth has none to compare)%n", SERVICE, SERVICE);
    System.out.printf(Locale.ROOT, "# history: %s scraped every %d s, then live (this JVM serves the series, Prometheus"
        + " scrapes them every %d s); rules evaluated every %d s (Prometheus' default is 1m) for %d s per rule set"
        + " (up to %d times longer until each group has %d measured), the first evaluation of each group left out%n",
        longHistory ? HISTORY.toDays() + " days"
            : HISTORY.toDays() + " days (" + SHORT_HISTORY.toDays() + " day above N = "
            + String.format(Locale.ROOT, "%,d", LONG_HISTORY_UP_TO) + ": its 3d windows read 1 day)", SCRAPE_SECONDS,
        SCRAPE_SECONDS, EVALUATION_SECONDS, liveSeconds, MAX_LIVE_FACTOR, MIN_EVALUATIONS);
    RuleSets sets = ruleSets();
    for (int n : sizes) {
      long started = System.nanoTime();
      Map<String, Measured> measured = measure(n, sets);
      double took = (System.nanoTime() - started) / 60e9;
      results.put(n, measured);
      minutes.put(n, took);
      System.out.println();
      table(n, history(n), measured, took).forEach(System.out::println);
      System.out.println();
    }
    System.out.println("## Targets");
    System.out.println();
    targets().forEach(System.out::println);
  }

  /** The three rule sets, written once into {@code work/rules}. */
  private RuleSets ruleSets() throws IOException, InterruptedException {
    Path rules = work.resolve("rules");
    GenerateScaleBenchmark.deleteTree(rules);
    SreRegistry registry = new SreRegistry();
    registry.collect(new BenchService());
    SrePipeline pipeline = new SrePipeline();
    GeneratedFiles recordedFiles = pipeline.generate(registry.declarations(), GenerationSettings.DEFAULTS);
    GeneratedFiles rawFiles = pipeline.generate(registry.declarations(),
        GenerationSettings.DEFAULTS.withSloWindowForm(SloWindowForm.RAW));
    RuleSet raw = RuleSet.of("raw form", write(rules.resolve("raw"), rawFiles, RULES));
    RuleSet recorded = RuleSet.of("default form (recorded)", write(rules.resolve("recorded"), recordedFiles, RULES));
    Path backfill = null;
    String backfillSource = "generated";
    for (GeneratedFiles files : List.of(recordedFiles, rawFiles)) {
      if (backfill == null && files.get(BACKFILL_RULES).isPresent()) {
        // Its own folder: the backfill file has the same name as the live rules it fills the history of.
        backfill = write(rules.resolve("backfill"), files, BACKFILL_RULES);
      }
    }
    String given = System.getenv("RULE_COST_BACKFILL");
    if (backfill == null && given != null && !given.isBlank()) {
      // To try the backfill step before the generator writes the file.
      backfill = rules.resolve("given").resolve("backfill.rules.yml");
      Files.createDirectories(backfill.getParent());
      Files.copy(Path.of(given), backfill);
      backfillSource = "given by RULE_COST_BACKFILL=" + given;
    }
    Path slothFile = rules.resolve("sloth").resolve("sloth-" + SLOTH_SLO + ".rules.yml");
    Files.createDirectories(slothFile.getParent());
    Files.writeString(slothFile, sloth());
    RuleSet sloth = RuleSet.of("Sloth", slothFile);
    for (RuleSet set : List.of(raw, recorded, sloth)) {
      checkRules(set.file());
    }
    if (backfill != null) {
      checkRules(backfill);
    }
    boolean same = Arrays.equals(Files.readAllBytes(raw.file()), Files.readAllBytes(recorded.file()));
    sameRules = same;
    System.out.printf(Locale.ROOT, "# rule files in %s: raw form %s, default form %s: %s%n", work.relativize(rules),
        summary(raw), summary(recorded),
        same ? "IDENTICAL (the generators do not read SloWindowForm yet)" : "they differ");
    System.out.printf(Locale.ROOT, "# Sloth: %s (from %s, rewritten to %s and %s)%n", summary(sloth), slothSource,
        SLOTH_BAD_TO, SLOTH_ALL_TO);
    System.out.println(backfill == null
        ? "# backfill: no " + BACKFILL_RULES + " among the generated files: the recordings are NOT backfilled"
        : "# backfill: " + work.relativize(backfill) + " (" + backfillSource + "), "
            + RuleSet.of("backfill", backfill).rules().size() + " recording rules, evaluated every " + BACKFILL_INTERVAL
            + " over the history");
    return new RuleSets(List.of(raw, recorded, sloth), backfill);
  }

  private static String summary(RuleSet set) {
    long recordings = set.rules().stream().filter(Rule::recording).count();
    return String.format(Locale.ROOT, "%d groups, %d recording rules, %d alerts", set.groups().size(), recordings,
        set.rules().size() - recordings);
  }

  private static Path write(Path folder, GeneratedFiles files, String path) throws IOException {
    GeneratedFile file = files.get(path).orElseThrow(() -> new IllegalStateException("not generated: " + path));
    Files.createDirectories(folder);
    Path target = folder.resolve(Path.of(path).getFileName().toString());
    Files.write(target, file.content());
    return target;
  }

  private static void checkRules(Path file) throws IOException, InterruptedException {
    Process check = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      throw new IllegalStateException("promtool check rules " + file + " failed:\n" + out);
    }
  }

  /**
   * Sloth's rules for {@value #SLOTH_SLO}, read from its generated example at run time (never copied into
   * the repository) and rewritten to this benchmark's metric and selector; everything else kept.
   */
  private String sloth() throws IOException {
    if (!Files.isRegularFile(slothSource)) {
      throw new IllegalStateException("Sloth's rules are not at " + slothSource.toAbsolutePath()
          + "; set RULE_COST_SLOTH to Sloth's generated getting-started.yml");
    }
    JsonNode tree = YAML.readTree(slothSource.toFile());
    TreeSet<String> slos = new TreeSet<>();
    for (JsonNode group : tree.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.path("labels").has("sloth_id")) {
          slos.add(rule.path("labels").path("sloth_id").asText());
        }
      }
    }
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode group : tree.path("groups")) {
      if (slos.size() <= 1 || group.path("name").asText().endsWith("-" + SLOTH_SLO)) {
        kept.add(group.deepCopy());
      }
    }
    String objective = null;
    String period = null;
    int rewritten = 0;
    for (JsonNode group : kept) {
      for (JsonNode rule : group.path("rules")) {
        String expr = rule.path("expr").asText();
        String changed = expr.replace(SLOTH_BAD_FROM, SLOTH_BAD_TO).replace(SLOTH_ALL_FROM, SLOTH_ALL_TO);
        if (changed.contains("http_request_duration_seconds")) {
          throw new IllegalStateException("a Sloth expression reads the metric in an unexpected form: " + expr);
        }
        rewritten += changed.equals(expr) ? 0 : 1;
        ((ObjectNode) rule).set("expr", TextNode.valueOf(changed));
        String record = rule.path("record").asText();
        if (record.equals("sloth_slo_info")) {
          objective = rule.path("labels").path("sloth_objective").asText();
        } else if (record.equals("slo:time_period:days")) {
          period = expr.strip();
        }
      }
    }
    if (!"99.9".equals(objective) || !"vector(30)".equals(period) || rewritten == 0) {
      throw new IllegalStateException("Sloth's " + SLOTH_SLO + " is not 99.9% over 30 days on the expected metric:"
          + " objective " + objective + ", period " + period + ", " + rewritten + " expressions rewritten");
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("groups", kept);
    return "# Sloth's rules for " + SLOTH_SLO + " (objective " + objective + ", 30 days), from " + slothSource
        + ",\n# rewritten by the rule-cost benchmark to read " + SLOTH_BAD_TO + " and " + SLOTH_ALL_TO + ".\n"
        + Yaml.write(out);
  }

  // ---------------------------------------------------------------------------------------------------
  // One N

  private Map<String, Measured> measure(int n, RuleSets sets) throws IOException, InterruptedException {
    Path dir = work.resolve("n" + n);
    GenerateScaleBenchmark.deleteTree(dir);
    Files.createDirectories(dir);
    current = dir;
    Path data = Files.createDirectories(dir.resolve("data"));
    Duration length = history(n);
    long steps = length.getSeconds() / SCRAPE_SECONDS;
    long end = Instant.now().getEpochSecond() / 60 * 60;
    long start = end - steps * SCRAPE_SECONDS;
    RequestHistory history = new RequestHistory(n, start, SCRAPE_SECONDS, steps);
    String prefix = "N=" + n + ": ";
    System.out.printf(Locale.ROOT, "%s%,d series (%,d counts, 1 in 5 failures; %,d buckets), %s of history, %s to %s%n",
        prefix, history.seriesCount(), history.countSeries(), history.bucketSeries(), days(length),
        Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    Map<String, Measured> measured = new LinkedHashMap<>();
    try {
      long t0 = System.nanoTime();
      long samples = blocks(history, steps, dir, data);
      System.out.printf(Locale.ROOT, "%shistory: %,d samples written and turned into blocks in %.0f s (%s)%n", prefix,
          samples, seconds(t0), size(data));
      if (sets.backfill() != null) {
        t0 = System.nanoTime();
        backfill(sets.backfill(), start, end, dir, data);
        System.out.printf(Locale.ROOT, "%sbackfill: %s evaluated every %s from %s to %s in %.0f s (%s)%n", prefix,
            sets.backfill().getFileName(), BACKFILL_INTERVAL, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end),
            seconds(t0), size(data));
      } else {
        System.out.println(prefix + "backfill: none generated, the recordings were not backfilled");
      }
      if (overlapping(data)) {
        t0 = System.nanoTime();
        settle(data, dir.resolve("prometheus-settle"));
        System.out.printf(Locale.ROOT, "%soverlapping blocks merged by Prometheus in %.0f s, before anything is"
            + " measured%n", prefix, seconds(t0));
      }
      // The minutes since the history's end, so that the live series continue without a gap.
      long now = Instant.now().getEpochSecond();
      long tail = (now - start) / SCRAPE_SECONDS;
      if (tail > history.at()) {
        t0 = System.nanoTime();
        Path text = dir.resolve("tail.om");
        long written = history.writeOpenMetrics(text, tail);
        Path blocks = dir.resolve("blocks-tail");
        CounterHistory.createBlocks(text, Files.createDirectories(blocks), dir.resolve("promtool-tail.log"));
        Files.delete(text);
        moveBlocks(blocks, data);
        System.out.printf(Locale.ROOT, "%stail: %,d samples up to %s in %.1f s%n", prefix, written,
            Instant.ofEpochSecond(history.time(tail)), seconds(t0));
      }
      HttpServer exporter = export(history);
      try {
        String target = "127.0.0.1:" + exporter.getAddress().getPort();
        for (RuleSet set : sets.sets()) {
          Measured result = live(n, set, data, dir, target);
          measured.put(set.name(), result);
          result.details(prefix + set.name() + ": ").forEach(System.out::println);
        }
      } finally {
        exporter.stop(0);
      }
    } finally {
      cleanUp(dir);
      current = null;
    }
    return measured;
  }

  /** Deletes the big files of an N's folder: the blocks and the text; the rule files, configs and logs stay. */
  private static void cleanUp(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.equals("data") || name.startsWith("blocks-") || name.endsWith(".om")) {
          GenerateScaleBenchmark.deleteTree(file);
        }
      }
    }
  }

  /**
   * Writes the history up to step {@code to} and turns it into blocks in {@code data}: in one piece when
   * small, else in slices of series that promtool turns into blocks side by side while the next is
   * written. Returns the samples written.
   */
  private static long blocks(RequestHistory history, long to, Path dir, Path data)
      throws IOException, InterruptedException {
    long samples = (to + 1) * history.seriesCount();
    int parts = (int) Math.max(1, (samples + SAMPLES_PER_PART - 1) / SAMPLES_PER_PART);
    ExecutorService promtools = Executors.newFixedThreadPool(Math.min(parts, PROMTOOLS));
    Semaphore onDisk = new Semaphore(PARTS_ON_DISK);
    List<Future<?>> running = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    long written = 0;
    try {
      for (int part = 0; part < parts; part++) {
        onDisk.acquire();
        Path text = dir.resolve("history-" + part + ".om");
        written += history.writeOpenMetrics(text, to, part, parts);
        Path blocks = Files.createDirectories(dir.resolve("blocks-" + part));
        Path log = dir.resolve("promtool-" + part + ".log");
        outputs.add(blocks);
        running.add(promtools.submit(() -> {
          try {
            CounterHistory.createBlocks(text, blocks, log);
            Files.delete(text);
          } finally {
            onDisk.release();
          }
          return null;
        }));
      }
      for (Future<?> promtool : running) {
        promtool.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("promtool failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      promtools.shutdownNow();
      promtools.awaitTermination(1, TimeUnit.MINUTES);
    }
    for (Path blocks : outputs) {
      moveBlocks(blocks, data);
    }
    return written;
  }

  /** Moves the block folders (those holding a {@code meta.json}) of {@code from} into {@code data}. */
  private static void moveBlocks(Path from, Path data) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path block : entries.toList()) {
        if (Files.isRegularFile(block.resolve("meta.json"))) {
          Files.move(block, data.resolve(block.getFileName()));
        }
      }
    }
    GenerateScaleBenchmark.deleteTree(from);
  }

  /**
   * Evaluates the backfill rules over the history with promtool, against a Prometheus serving the raw
   * blocks, and moves the blocks it writes into {@code data}.
   */
  private static void backfill(Path rules, long start, long end, Path dir, Path data)
      throws IOException, InterruptedException {
    Path out = Files.createDirectories(dir.resolve("blocks-backfill"));
    try (BenchPrometheus prometheus = BenchPrometheus.start(data, dir.resolve("prometheus-backfill"))) {
      List<String> command = List.of("promtool", "tsdb", "create-blocks-from", "rules", "--start=" + start,
          "--end=" + end, "--url=" + prometheus.baseUrl(), "--output-dir=" + out,
          "--eval-interval=" + BACKFILL_INTERVAL, rules.toString());
      Path log = dir.resolve("promtool-backfill.log");
      Process promtool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!promtool.waitFor(60, TimeUnit.MINUTES)) {
        promtool.destroyForcibly();
        throw new IllegalStateException("the backfill did not finish within an hour: " + String.join(" ", command));
      }
      if (promtool.exitValue() != 0) {
        throw new IllegalStateException("the backfill failed (" + promtool.exitValue() + "): " + String.join(" ",
            command) + "\n" + Files.readString(log));
      }
    }
    moveBlocks(out, data);
  }

  /** Whether two blocks of {@code data} overlap in time (Prometheus merges them, 2.39 and later). */
  private static boolean overlapping(Path data) throws IOException {
    List<long[]> ranges = new ArrayList<>();
    try (Stream<Path> entries = Files.list(data)) {
      for (Path block : entries.toList()) {
        Path meta = block.resolve("meta.json");
        if (block.getFileName().toString().length() == 26 && Files.isRegularFile(meta)) {
          JsonNode json = JSON.readTree(meta.toFile());
          ranges.add(new long[] {json.path("minTime").asLong(), json.path("maxTime").asLong()});
        }
      }
    }
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts a Prometheus without rules on {@code data} and waits until its compactor has merged the
   * overlapping blocks (its first compaction runs a minute after start), so that no merge runs while
   * rules are measured.
   */
  private static void settle(Path data, Path dir) throws IOException, InterruptedException {
    try (BenchPrometheus prometheus = BenchPrometheus.start(data, dir)) {
      long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
      while (overlapping(data)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Prometheus did not merge the overlapping blocks within " + SETTLE_TIMEOUT
              + "; see " + prometheus.log());
        }
        Thread.sleep(2_000);
      }
    }
  }

  /** Serves the series' current values in Prometheus' text format on a free loopback port. */
  private static HttpServer export(RequestHistory history) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      try (exchange) {
        byte[] body = history.exposition(Instant.now().getEpochSecond());
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    return server;
  }

  // ---------------------------------------------------------------------------------------------------
  // One rule set

  /**
   * Starts a Prometheus on {@code data} scraping {@code target} with the rule set loaded, samples the
   * groups' last evaluation durations while it evaluates, then asks what each rule's expression reads
   * at that moment, and stops it.
   */
  private Measured live(int n, RuleSet set, Path data, Path dir, String target)
      throws IOException, InterruptedException {
    String config = "global:\n"
        + "  scrape_interval: " + SCRAPE_SECONDS + "s\n"
        + "  evaluation_interval: " + EVALUATION_SECONDS + "s\n"
        + "scrape_configs:\n"
        + "  - job_name: " + SERVICE + "\n"
        + "    honor_labels: true\n"
        + "    static_configs:\n"
        + "      - targets: ['" + target + "']\n"
        + "rule_files:\n"
        + "  - '" + set.file().toString().replace("'", "''") + "'\n";
    Map<String, List<Double>> durations = new LinkedHashMap<>();
    set.groups().forEach(g -> durations.put(g, new ArrayList<>()));
    Map<String, Double> seen = new LinkedHashMap<>();
    try (BenchPrometheus prometheus = BenchPrometheus.start(data, dir.resolve("prometheus-" + set.key()), config)) {
      double cpuBefore = prometheus.cpuSeconds();
      long started = System.nanoTime();
      long until = started + liveSeconds * 1_000_000_000L;
      // Groups that take longer than the interval are evaluated less often: wait for a few of theirs.
      long atMost = started + MAX_LIVE_FACTOR * liveSeconds * 1_000_000_000L;
      while (System.nanoTime() < until || System.nanoTime() < atMost
          && durations.values().stream().anyMatch(d -> d.size() < MIN_EVALUATIONS)) {
        Thread.sleep(2_000);
        Map<String, Double> metrics = prometheus.metrics("prometheus_rule_group_last_duration_seconds{",
            "prometheus_rule_group_last_evaluation_timestamp_seconds{");
        Map<String, Double> last = byGroup(metrics, "prometheus_rule_group_last_evaluation_timestamp_seconds");
        Map<String, Double> duration = byGroup(metrics, "prometheus_rule_group_last_duration_seconds");
        for (Map.Entry<String, Double> group : last.entrySet()) {
          double at = group.getValue();
          if (at <= 0 || !durations.containsKey(group.getKey())) {
            continue;
          }
          Double before = seen.put(group.getKey(), at);
          if (before != null && before != at) {
            durations.get(group.getKey()).add(duration.get(group.getKey()) * 1000);
          }
        }
      }
      double cpu = prometheus.cpuSeconds() - cpuBefore;
      double evaluated = seconds(started);
      Map<String, Double> counters = prometheus.metrics("prometheus_rule_evaluation_failures_total{",
          "prometheus_rule_group_iterations_missed_total{");
      long failures = Math.round(byGroup(counters, "prometheus_rule_evaluation_failures_total").values().stream()
          .mapToDouble(Double::doubleValue).sum());
      long missed = Math.round(byGroup(counters, "prometheus_rule_group_iterations_missed_total").values().stream()
          .mapToDouble(Double::doubleValue).sum());
      long at = Instant.now().getEpochSecond();
      Map<String, long[]> reads = new LinkedHashMap<>();
      set.groups().forEach(g -> reads.put(g, new long[3]));
      for (Rule rule : set.rules()) {
        JsonNode answer = query(prometheus.baseUrl(), rule.expr(), at);
        long[] sums = reads.get(rule.group());
        sums[0] += samples(answer, rule);
        if (rule.recording()) {
          sums[1]++;
          sums[2] += answer.path("data").path("resultType").asText().equals("vector")
              ? answer.path("data").path("result").size() : 1;
        }
      }
      return new Measured(set, durations, reads, failures, missed, cpu, evaluated, Instant.ofEpochSecond(at),
          loadAverage());
    }
  }

  /** Values of {@code name} by the group name of their {@code rule_group} label ({@code file;group}). */
  private static Map<String, Double> byGroup(Map<String, Double> metrics, String name) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, Double> metric : metrics.entrySet()) {
      if (metric.getKey().startsWith(name + "{")) {
        Matcher group = RULE_GROUP.matcher(metric.getKey());
        if (group.find()) {
          String key = group.group(1);
          values.put(key.substring(key.lastIndexOf(';') + 1), metric.getValue());
        }
      }
    }
    return values;
  }

  /** An instant query with the engine's statistics ({@code stats=all}). */
  private JsonNode query(URI base, String expr, long time) throws IOException, InterruptedException {
    URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&time=" + time
        + "&stats=all");
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
      throw new IllegalStateException("query failed (" + response.statusCode() + "): " + expr + "\n"
          + abbreviate(response.body()));
    }
    return answer;
  }

  /** {@code data.stats.samples.totalQueryableSamples} of a {@code stats=all} answer. */
  private static long samples(JsonNode answer, Rule rule) {
    JsonNode samples = answer.path("data").path("stats").path("samples").path("totalQueryableSamples");
    if (!samples.isNumber()) {
      throw new IllegalStateException("no data.stats.samples.totalQueryableSamples in the answer for " + rule.name()
          + ": " + abbreviate(answer.toString()));
    }
    return samples.asLong();
  }

  private static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }

  // ---------------------------------------------------------------------------------------------------
  // Output

  private Duration history(int n) {
    return n > LONG_HISTORY_UP_TO && !longHistory ? SHORT_HISTORY : HISTORY;
  }

  private static String days(Duration length) {
    return length.toDays() + (length.toDays() == 1 ? " day" : " days");
  }

  private List<String> table(int n, Duration history, Map<String, Measured> measured, double minutes) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "## N = %,d series, %s of history at %d s (%.1f minutes)", n, days(history),
        SCRAPE_SECONDS, minutes));
    lines.add("");
    lines.add("| rule set | samples per evaluation (total) | of which golden-signal groups"
        + " | rule-group evaluation time, ms (golden-signal groups) | recorded series (SLO groups) |");
    lines.add("|---|---:|---:|---:|---:|");
    for (Measured m : measured.values()) {
      lines.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f (%.1f) | %d (%d) |", m.set().name(),
          m.samples(false), m.goldenSamples(), m.milliseconds(false),
          m.goldenMilliseconds(), m.recordedSeries(false), m.recordedSeries(false) - m.goldenRecordedSeries()));
    }
    Measured recorded = find(measured, "default");
    Measured sloth = find(measured, "Sloth");
    Measured raw = find(measured, "raw");
    lines.add("");
    if (recorded != null && sloth != null) {
      lines.add(String.format(Locale.ROOT, "default form / Sloth: samples %s, evaluation time %s (golden-signal groups"
          + " included); SLO groups only: samples %s, evaluation time %s", ratio(recorded.samples(false),
              sloth.samples(false)), ratio(recorded.milliseconds(false), sloth.milliseconds(false)),
          ratio(recorded.samples(false) - recorded.goldenSamples(), sloth.samples(false)),
          ratio(recorded.milliseconds(false) - recorded.goldenMilliseconds(), sloth.milliseconds(false))));
    }
    if (recorded != null && raw != null) {
      lines.add(String.format(Locale.ROOT, "default form / raw form: samples %s, evaluation time %s%s",
          ratio(recorded.samples(false), raw.samples(false)), ratio(recorded.milliseconds(false),
              raw.milliseconds(false)), sameRules ? " (the same rules today: the difference in time is noise)" : ""));
    }
    lines.add(String.format(Locale.ROOT, "Evaluation times are wall-clock means of the groups' last durations;"
        + " load average (1 min) at the end of each rule set's evaluation: %s, on %d cores.", String.join(", ",
            measured.values().stream().map(m -> m.load().split(" ")[0]).toList()),
        Runtime.getRuntime().availableProcessors()));
    return lines;
  }

  private List<String> targets() {
    List<String> lines = new ArrayList<>();
    Map<String, Measured> at3000 = results.get(3_000);
    if (at3000 != null && find(at3000, "default") != null && find(at3000, "Sloth") != null) {
      Measured recorded = find(at3000, "default");
      Measured sloth = find(at3000, "Sloth");
      double samples = (double) recorded.samples(false) / sloth.samples(false);
      double time = recorded.milliseconds(false) / sloth.milliseconds(false);
      lines.add(String.format(Locale.ROOT, "- N = 3,000: default form / Sloth, samples per evaluation: %s (target at"
          + " most 0.01): %s", ratio(recorded.samples(false), sloth.samples(false)),
          samples <= 0.01 ? "met" : "MISSED"));
      lines.add(String.format(Locale.ROOT, "- N = 3,000: default form / Sloth, evaluation time, golden-signal groups"
          + " included: %s (target at most 0.1): %s", ratio(recorded.milliseconds(false), sloth.milliseconds(false)),
          time <= 0.1 ? "met" : "MISSED"));
    } else {
      lines.add("- default form / Sloth at N = 3,000: not judged (N = 3000 was not run)");
    }
    Map<String, Measured> at30000 = results.get(30_000);
    if (at3000 != null && at30000 != null) {
      Measured small = find(at3000, "default");
      Measured large = find(at30000, "default");
      double samples = (double) large.samples(false) / small.samples(false);
      double time = large.milliseconds(false) / small.milliseconds(false);
      lines.add(String.format(Locale.ROOT, "- default form, N = 30,000 / N = 3,000: samples per evaluation %.2f,"
          + " evaluation time %.2f (target below 10): %s%s", samples, time, samples < 10 && time < 10 ? "met"
              : "MISSED", history(30_000).equals(history(3_000)) ? "" : " (N = 30,000 had " + days(history(30_000))
              + " of history, N = 3,000 " + days(history(3_000)) + ": windows longer than 1 day over raw series read"
              + " less at N = 30,000, so this holds for the default form only once it reads no such window)"));
    } else {
      lines.add("- default form, N = 30,000 / N = 3,000: not judged (needs both sizes)");
    }
    if (sameRules) {
      lines.add("- the default form is not implemented yet: its rules are the raw form's, so the targets cannot be"
          + " met by this build");
    }
    lines.add("");
    StringBuilder took = new StringBuilder("Minutes per N:");
    minutes.forEach((n, m) -> took.append(String.format(Locale.ROOT, " %,d: %.1f;", n, m)));
    lines.add(took.substring(0, took.length() - 1) + ".");
    return lines;
  }

  private static Measured find(Map<String, Measured> measured, String prefix) {
    return measured.values().stream().filter(m -> m.set().name().startsWith(prefix)).findFirst().orElse(null);
  }

  private static String ratio(double a, double b) {
    if (b == 0 || Double.isNaN(a) || Double.isNaN(b)) {
      return "n/a";
    }
    double r = a / b;
    return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.4f (1/%.0f)", r, 1 / r);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String size(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      long bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      return String.format(Locale.ROOT, "%.0f MiB of blocks", bytes / 1048576.0);
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memory() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines.filter(l -> l.startsWith("MemTotal:")).findFirst().map(l -> String.format(Locale.ROOT,
          "%.0f GiB RAM", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0)).orElse("RAM unknown");
    } catch (IOException e) {
      return "RAM unknown";
    }
  }

  private static String javaVersion() {
    Optional<String> java = ProcessHandle.current().info().command();
    return java.map(command -> firstLines(command, "-version")).orElse("java " + System.getProperty("java.version"));
  }

  /** The first line of the output, build details in parentheses left out. */
  private static String firstLine(String... command) {
    String out = firstLines(command);
    int newline = out.indexOf("; ");
    return (newline < 0 ? out : out.substring(0, newline)).replaceFirst(" \\(.*", "");
  }

  /** The output's lines, joined by "; ". */
  private static String firstLines(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return String.join("; ", out.strip().lines().map(String::strip).toList());
    } catch (IOException e) {
      throw new IllegalStateException(command[0] + " is not installed (Debian package 'prometheus'): "
          + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return command[0] + ", version unknown";
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Model

  /** The benchmark's one service: the Micrometer preset and one availability SLO, nothing else. */
  static final class BenchService implements SreDefinitions {
    @Override
    public void define(SreRegistry sre) {
      sre.service(SERVICE, s -> s
          .tier(Tier.CRITICAL)
          .owner(o -> o.team("bench-team").onCall("bench-team-primary").escalation("bench-team-secondary"))
          .withoutMissingDataAlerts("The rule-cost benchmark compares the SLO's rules; its history has no up series.")
          .signals(Micrometer.httpServer())
          .slo(Slo.availability(99.9).over(Duration.ofDays(30))));
    }
  }

  private record RuleSets(List<RuleSet> sets, Path backfill) {}

  /** One rule of a rule file: its group, its name ({@code record} or {@code alert}) and expression. */
  record Rule(String group, String name, String expr, boolean recording) {}

  /** A rule file and its rules in file order. */
  record RuleSet(String name, Path file, List<String> groups, List<Rule> rules) {

    static RuleSet of(String name, Path file) throws IOException {
      JsonNode tree = YAML.readTree(file.toFile());
      List<String> groups = new ArrayList<>();
      List<Rule> rules = new ArrayList<>();
      for (JsonNode group : tree.path("groups")) {
        String groupName = group.path("name").asText();
        groups.add(groupName);
        for (JsonNode rule : group.path("rules")) {
          boolean recording = rule.has("record");
          rules.add(new Rule(groupName, rule.path(recording ? "record" : "alert").asText(), rule.path("expr").asText(),
              recording));
        }
      }
      return new RuleSet(name, file, List.copyOf(groups), List.copyOf(rules));
    }

    /** A folder name for the set. */
    String key() {
      return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "").toLowerCase(Locale.ROOT);
    }

    /** Golden-signal groups: the service's recordings of traffic, errors and latency. */
    static boolean golden(String group) {
      return group.endsWith("-golden-signals");
    }
  }

  /**
   * What one rule set cost: per group, the last durations of the evaluations seen (ms), and the samples
   * read, recording rules and series written at {@code at}.
   */
  record Measured(RuleSet set, Map<String, List<Double>> durations, Map<String, long[]> reads, long failures,
      long missed, double prometheusCpu, double liveSeconds, Instant at, String load) {

    long samples(boolean goldenOnly) {
      return reads.entrySet().stream().filter(e -> !goldenOnly || RuleSet.golden(e.getKey()))
          .mapToLong(e -> e.getValue()[0]).sum();
    }

    long goldenSamples() {
      return samples(true);
    }

    double mean(String group) {
      return durations.get(group).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    double milliseconds(boolean goldenOnly) {
      return durations.keySet().stream().filter(g -> !goldenOnly || RuleSet.golden(g)).mapToDouble(this::mean).sum();
    }

    double goldenMilliseconds() {
      return milliseconds(true);
    }

    long recordedSeries(boolean goldenOnly) {
      return reads.entrySet().stream().filter(e -> !goldenOnly || RuleSet.golden(e.getKey()))
          .mapToLong(e -> e.getValue()[2]).sum();
    }

    long goldenRecordedSeries() {
      return recordedSeries(true);
    }

    List<String> details(String prefix) {
      List<String> lines = new ArrayList<>();
      for (String group : durations.keySet()) {
        List<Double> ms = durations.get(group);
        long[] r = reads.get(group);
        long rules = set.rules().stream().filter(rule -> rule.group().equals(group)).count();
        lines.add(String.format(Locale.ROOT, "%sgroup %s: %d rules (%d recording, %d series written), %,d samples;"
            + " %s ms mean of %d evaluations (%s)", prefix, group, rules, r[1], r[2], r[0],
            Double.isNaN(mean(group)) ? "n/a" : String.format(Locale.ROOT, "%.1f", mean(group)), ms.size(),
            ms.isEmpty() ? "none measured" : String.format(Locale.ROOT, "%.1f to %.1f",
                ms.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                ms.stream().mapToDouble(Double::doubleValue).max().orElseThrow())));
      }
      lines.add(String.format(Locale.ROOT, "%sin all %,d samples, %.1f ms; %d evaluation failures, %d iterations"
          + " missed; Prometheus CPU %.1f s in %.0f s of evaluation; samples read at %s; load average %s", prefix,
          samples(false), milliseconds(false), failures, missed, prometheusCpu, liveSeconds, at, load));
      return lines;
    }
  }
}
