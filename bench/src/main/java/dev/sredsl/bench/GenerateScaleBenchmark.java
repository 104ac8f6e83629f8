package dev.sredsl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.sredsl.coverage.Coverage;
import dev.sredsl.coverage.CoverageAnalyzer;
import dev.sredsl.coverage.CoverageCheck;
import dev.sredsl.coverage.CoverageReports;
import dev.sredsl.coverage.CoverageRule;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Json;
import dev.sredsl.generate.Yaml;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.pipeline.InputsFingerprint;
import dev.sredsl.pipeline.CheckGoal;
import dev.sredsl.pipeline.CheckOutcome;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.GenerateGoal;
import dev.sredsl.pipeline.SrePipeline;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Generation at scale: N synthetic services ({@link SyntheticServices}) through the whole pipeline, as
 * {@code sre:generate} and {@code sre:check} run it: the DSL, validation, every generator, writing to
 * disk (staged, renamed into place, manifest), coverage and its reports. One JVM; each N gets warm-up
 * rounds, then measured rounds, each into a fresh folder; the median is reported.
 *
 * <p>The floor for the same N: the files the pipeline wrote, parsed into Jackson trees (JSON and YAML)
 * and strings (Markdown, and the comment lines YAML files start with) outside the timing, then, timed,
 * serialized with the same Jackson settings and written with plain {@code Files.write} into a fresh
 * folder. It is the cost of producing those bytes with no model work at all. The run checks that the
 * floor's bytes are the pipeline's.
 *
 * <p>Heap, over the measured rounds: "used max" is the most heap in use, sampled every 10 ms, garbage
 * not yet collected included (it mostly tells how far the collector lets the heap fill); "after GC" is
 * the most heap in use right after any collection, an upper bound of what the run kept alive.
 *
 * <p>Before each measured round the benchmark runs {@code sync} and a full collection, outside the
 * timing, so that no round pays for the writes or the garbage of another.
 *
 * <p>Usage: {@code bench/generate-scale [N ...]}, by default 10 100 1000 10000.
 */
public final class GenerateScaleBenchmark {

  static final GenerationSettings SETTINGS = new GenerationSettings(
      "https://git.example.com/platform/runbooks", "https://grafana.example.com", Map.of("release", "prometheus"),
      "/var/lib/grafana/dashboards/sre", null, null, null);
  /** Waivers are judged on a fixed day, so that every run counts the same. */
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private final Path work;
  private int run;
  /** N to the median pipeline time, for the summary. */
  private final Map<Integer, Long> pipelineTimes = new java.util.TreeMap<>();
  private final Map<Integer, Double> ratios = new java.util.TreeMap<>();
  private final HeapWatch heap = new HeapWatch();

  private GenerateScaleBenchmark(Path work) {
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {10, 100, 1_000, 10_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Path work = Files.createTempDirectory("sre-generate-scale-");
    try {
      new GenerateScaleBenchmark(work).run(sizes);
    } finally {
      deleteTree(work);
    }
  }

  private void run(int[] sizes) throws IOException {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "# sre-dsl generation at scale: Java %s (%s), %d cores, max heap %d MiB%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
        runtime.maxMemory() >> 20);
    System.out.println("# each service: 4 golden signals, 2 SLOs, 10 alerts with runbooks, 3 dependencies");
    // JIT warm-up on a mid-sized build before anything is measured.
    for (int i = 0; i < 5; i++) {
      timeOnce(() -> pipeline(100, fresh()));
    }
    System.out.println("# N: pipeline wall (median of rounds), per service, heap used (max sampled / max after GC) | floor"
        + " | ratio pipeline/floor | no-op rerun: fingerprint + up-to-date check");
    for (int n : sizes) {
      measure(n);
    }
    System.out.println(summary(runtime.maxMemory() >> 20));
  }

  /** The issue's targets, where the sizes measured allow to judge them. */
  private String summary(long maxHeapMiB) {
    List<String> targets = new ArrayList<>();
    if (ratios.containsKey(1_000)) {
      targets.add(String.format(Locale.ROOT, "pipeline/floor at N=1000 %.2f (target at most 3: %s)", ratios.get(1_000),
          ratios.get(1_000) <= 3 ? "met" : "MISSED"));
    }
    if (pipelineTimes.containsKey(1_000) && pipelineTimes.containsKey(10_000)) {
      double growth = (double) pipelineTimes.get(10_000) / pipelineTimes.get(1_000);
      targets.add(String.format(Locale.ROOT, "time N=10000 / N=1000 %.1f (target at most 12: %s)", growth,
          growth <= 12 ? "met" : "MISSED"));
    }
    if (pipelineTimes.containsKey(10_000)) {
      targets.add(String.format(Locale.ROOT, "N=10000 ran within a max heap of %d MiB (target 1024: %s)", maxHeapMiB,
          maxHeapMiB <= 1024 ? "met" : "not judged, run with -Xmx1g"));
    }
    return "# " + (targets.isEmpty() ? "targets need N=1000 and N=10000" : String.join("; ", targets));
  }

  private void measure(int n) throws IOException {
    int warmups = n <= 100 ? 10 : n <= 1_000 ? 2 : 1;
    int rounds = n <= 100 ? 15 : n <= 1_000 ? 7 : 3;
    for (int i = 0; i < warmups; i++) {
      Path out = fresh();
      timeOnce(() -> pipeline(n, out));
      deleteTree(out);
    }
    long[] times = new long[rounds];
    heap.reset();
    Path last = null;
    for (int i = 0; i < rounds; i++) {
      if (last != null) {
        deleteTree(last);
      }
      Path out = fresh();
      flushEarlierWrites();
      System.gc();
      heap.start();
      times[i] = timeOnce(() -> pipeline(n, out));
      heap.stop();
      last = out;
    }
    long pipeline = median(times);
    pipelineTimes.put(n, pipeline);

    Floor floor = new Floor(last);
    flushEarlierWrites();
    List<Path> floorOuts = new ArrayList<>();
    for (int i = 0; i < Math.max(rounds, 3); i++) {
      floorOuts.add(fresh());
    }
    long[] floorTimes = floor.write(floorOuts);
    for (Path out : floorOuts) {
      deleteTree(out);
    }
    long floorTime = median(floorTimes);
    ratios.put(n, (double) pipeline / floorTime);

    long[] checkTimes = new long[Math.max(rounds, 3)];
    int[] checked = new int[1];
    Path output = last;
    for (int i = 0; i < checkTimes.length; i++) {
      checkTimes[i] = timeOnce(() -> checked[0] = upToDateCheck(output));
    }
    long upToDate = median(checkTimes);
    deleteTree(last);

    System.out.printf(Locale.ROOT,
        "N=%-6d pipeline %9s  %6.2f ms/service  heap used max %4d MiB, after GC %8s | floor %9s | ratio %.2f"
            + " | up to date %8s (%d files)  [%d rounds; floor files byte-identical: %d of %d]%n",
        n, millis(pipeline), pipeline / 1e6 / n, heap.used >> 20,
        heap.afterGc < 0 ? "no GC" : (heap.afterGc >> 20) + " MiB", millis(floorTime), (double) pipeline / floorTime,
        millis(upToDate), checked[0], rounds, floor.identical, floor.files());
  }

  /**
   * What {@code sre:generate} and {@code sre:check} do for the definitions of n services, into
   * {@code out}: the fingerprint of the inputs and the up-to-date check (which finds nothing to reuse
   * in a fresh folder), the DSL, validation, every generator and the writer, then the coverage gate.
   */
  static void pipeline(int n, Path out) {
    DefinitionsSource source = new DefinitionsSource() {
      @Override
      public Declarations load() {
        SreRegistry registry = new SreRegistry();
        registry.collect(new SyntheticServices(n));
        return registry.declarations();
      }

      @Override
      public String fingerprint(Object settings) {
        return GenerateScaleBenchmark.fingerprint();
      }
    };
    if (!new GenerateGoal().run(source, SETTINGS, out, false).generated()) {
      throw new IllegalStateException("a fresh folder cannot be up to date");
    }
    CheckOutcome gate = new CheckGoal().run(source, SETTINGS, List.of(), null, out, TODAY);
    if (!gate.passed()) {
      throw new IllegalStateException("the synthetic services should meet the default policy: " + gate.violations());
    }
  }

  /**
   * What a second {@code sre:generate} with nothing changed does: the fingerprint of the inputs, and
   * the check that the output folder holds every file of the last run unchanged.
   */
  static int upToDateCheck(Path out) {
    OutputWriter.UpToDate status = OutputWriter.upToDate(out, fingerprint());
    if (!status.upToDate()) {
      throw new IllegalStateException("the output should be up to date: " + status.reason());
    }
    return status.files();
  }

  /**
   * The inputs as the plugin sees them: the classes folder holding the definitions, the classpath,
   * and the settings.
   */
  private static String fingerprint() {
    Path classes;
    try {
      classes = Path.of(SyntheticServices.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(Path::of).toList();
    return InputsFingerprint.of(classes, classpath, List.of(), SETTINGS);
  }

  /**
   * The files the pipeline wrote, as trees and text, and the cost of writing them back with Jackson and
   * plain writers. The trees of 10,000 services do not fit the heap at once, so they are parsed in
   * batches, outside the timing, and only serializing and writing each batch is timed; every round
   * writes a batch before the next is parsed, so parsing (slower than writing) happens once. Earlier
   * writes are flushed before each batch, as before each round of the pipeline.
   */
  static final class Floor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int BATCH = 700;

    /** One file: its path, the text before its tree (YAML's leading comments), and the tree or the text. */
    private record Entry(String path, String prefix, JsonNode json, JsonNode yaml, String text) {}

    private final Path source;
    private final List<String> paths = new ArrayList<>();
    /** Files whose floor bytes equal the pipeline's, counted by {@link #write}. */
    int identical = -1;

    Floor(Path pipelineOutput) throws IOException {
      source = pipelineOutput;
      for (Path file : generatedFiles(pipelineOutput)) {
        paths.add(pipelineOutput.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"));
      }
    }

    int files() {
      return paths.size();
    }

    /**
     * Writes every file once into each of {@code outs}, each a fresh folder: one round each. Every batch
     * is parsed once, outside the timing, and written by every round.
     *
     * @return per round, the time spent serializing and writing, in nanoseconds
     */
    long[] write(List<Path> outs) throws IOException {
      long[] timed = new long[outs.size()];
      int same = 0;
      for (int from = 0; from < paths.size(); from += BATCH) {
        List<Entry> batch = load(paths.subList(from, Math.min(paths.size(), from + BATCH)));
        flushEarlierWrites();
        for (int round = 0; round < outs.size(); round++) {
          Path out = outs.get(round);
          long start = System.nanoTime();
          for (Entry entry : batch) {
            Path target = out.resolve(entry.path);
            Files.createDirectories(target.getParent());
            String text = entry.json != null ? Json.write(entry.json)
                : entry.yaml != null ? entry.prefix + Yaml.write(entry.yaml) : entry.text;
            Files.write(target, text.getBytes(StandardCharsets.UTF_8));
          }
          timed[round] += System.nanoTime() - start;
        }
        for (Entry entry : batch) {
          if (Arrays.equals(Files.readAllBytes(source.resolve(entry.path)),
              Files.readAllBytes(outs.get(0).resolve(entry.path)))) {
            same++;
          }
        }
      }
      identical = same;
      return timed;
    }

    private List<Entry> load(List<String> batch) throws IOException {
      List<Entry> entries = new ArrayList<>();
      for (String path : batch) {
        String content = Files.readString(source.resolve(path), StandardCharsets.UTF_8);
        if (path.endsWith(".json")) {
          entries.add(new Entry(path, "", JSON.readTree(content), null, null));
        } else if (path.endsWith(".yml") || path.endsWith(".yaml")) {
          int body = 0;
          while (body < content.length() && (content.startsWith("#", body) || content.startsWith("\n", body))) {
            body = content.indexOf('\n', body) + 1;
          }
          entries.add(new Entry(path, content.substring(0, body), null, YAML.readTree(content), null));
        } else {
          entries.add(new Entry(path, "", null, null, content));
        }
      }
      return entries;
    }
  }

  /** Every file the pipeline generated, in path order: the plugin's own bookkeeping files excluded. */
  static List<Path> generatedFiles(Path output) throws IOException {
    try (Stream<Path> walk = Files.walk(output)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /**
   * The most heap in use while watching, sampled every 10 ms, and the most heap in use right after a
   * collection that started while watching. GC notifications arrive asynchronously, so stop waits
   * until every collection the JVM counted has been reported.
   */
  static final class HeapWatch {

    /** The most heap in use, sampled; includes garbage not yet collected. */
    long used;
    /** The most heap in use right after a collection; -1 while no collection ran. */
    long afterGc = -1;
    private final AtomicLong reported = new AtomicLong();
    /** Collections before this watch listened: their notifications never reach it. */
    private final long countedBefore;
    private final List<long[]> collections = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sampled = new AtomicLong();
    private volatile boolean watching;
    private long startedAt;

    HeapWatch() {
      NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long after = 0;
          for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
              after += pool.getValue().getUsed();
            }
          }
          collections.add(new long[] {info.getGcInfo().getStartTime(), after});
          reported.incrementAndGet();
        }
      };
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
      }
      countedBefore = collectionCount();
      Thread sampler = new Thread(() -> {
        while (true) {
          if (watching) {
            sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          }
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(java.util.stream.Collectors.toSet());

    private static long collectionCount() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Forgets what earlier sizes used. */
    void reset() {
      used = 0;
      afterGc = -1;
    }

    void start() {
      awaitReports();
      collections.clear();
      sampled.set(0);
      startedAt = ManagementFactory.getRuntimeMXBean().getUptime();
      watching = true;
    }

    void stop() {
      watching = false;
      used = Math.max(used, Math.max(sampled.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
      awaitReports();
      synchronized (collections) {
        for (long[] c : collections) {
          if (c[0] >= startedAt) {
            afterGc = Math.max(afterGc, c[1]);
          }
        }
        collections.clear();
      }
    }

    private void awaitReports() {
      long counted = collectionCount() - countedBefore;
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (reported.get() < counted && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
  }

  /**
   * Writes what earlier rounds left in the page cache to disk, outside the timing, so that no round
   * pays for the writes of another (the {@code sync} command; skipped where there is none).
   */
  private static void flushEarlierWrites() {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (IOException e) {
      // No sync command on this system: rounds may then pay for earlier writes.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path fresh() throws IOException {
    Path dir = work.resolve("run-" + run++);
    Files.createDirectories(dir);
    return dir;
  }

  interface Work {
    void run() throws IOException;
  }

  private static long timeOnce(Work work) throws IOException {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
