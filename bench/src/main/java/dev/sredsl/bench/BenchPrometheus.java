package dev.sredsl.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code prometheus} binary on a free loopback port, started on a folder of TSDB blocks, with no
 * scrape target and no rules, a retention that keeps any history, and a query log (every query the
 * engine ran, with its timings). {@link #start} returns once {@code /-/ready} answers, that is once the
 * blocks are loaded. Reads its own counters from {@code /metrics} and its CPU time from
 * {@code /proc/<pid>/stat}. {@link #close()} stops it (SIGTERM, then SIGKILL after 10 s); a shutdown hook
 * stops it if the JVM ends first.
 */
final class BenchPrometheus implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final URI baseUrl;
  private final Path log;
  private final Path queryLog;
  private final Thread stopOnExit;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private BenchPrometheus(Process process, URI baseUrl, Path log, Path queryLog) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.queryLog = queryLog;
    this.stopOnExit = new Thread(process::destroyForcibly, "stop-bench-prometheus");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts Prometheus on {@code data}; its config, log and query log go to {@code work}. */
  static BenchPrometheus start(Path data, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path queryLog = work.resolve("queries.log");
    return start(data, work, "global:\n  query_log_file: '" + queryLog.toAbsolutePath().toString()
        .replace("'", "''") + "'\nscrape_configs: []\n", queryLog);
  }

  /**
   * Starts Prometheus on {@code data} with the configuration {@code config} (YAML: scrape targets, rule
   * files, intervals); the config file and the log go to {@code work}. {@link #queryLog()} is
   * {@code work/queries.log}, written only if the config names it.
   */
  static BenchPrometheus start(Path data, Path work, String config) throws IOException, InterruptedException {
    Files.createDirectories(work);
    return start(data, work, config, work.resolve("queries.log"));
  }

  private static BenchPrometheus start(Path data, Path work, String configText, Path queryLog)
      throws IOException, InterruptedException {
    Path config = work.resolve("prometheus.yml");
    Files.writeString(config, configText);
    Path log = work.resolve("prometheus.log");
    IllegalStateException failure = null;
    // A free port is free only until another process takes it: try again when that happened.
    for (int attempt = 1; attempt <= 3; attempt++) {
      int port = freePort();
      Process process = new ProcessBuilder(List.of("prometheus",
          "--config.file=" + config.toAbsolutePath(),
          "--storage.tsdb.path=" + data.toAbsolutePath(),
          "--storage.tsdb.retention.time=3650d",
          "--web.listen-address=127.0.0.1:" + port))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      BenchPrometheus prometheus = new BenchPrometheus(process, URI.create("http://127.0.0.1:" + port), log,
          queryLog);
      try {
        prometheus.awaitReady();
        return prometheus;
      } catch (IllegalStateException e) {
        prometheus.close();
        failure = e;
        if (!Files.readString(log, StandardCharsets.UTF_8).contains("address already in use")) {
          break;
        }
      }
    }
    throw failure;
  }

  URI baseUrl() {
    return baseUrl;
  }

  Path queryLog() {
    return queryLog;
  }

  /** Prometheus' own log (appended to by every start in the same work folder). */
  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU time of the process so far, in seconds, from {@code /proc/<pid>/stat}. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
    // utime field 14, stime field 15 (counted from 1).
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ClockTicks.PER_SECOND;
  }

  /**
   * Samples of {@code /metrics} whose name starts with one of {@code prefixes}, keyed by the sample's
   * text before its value (name and labels, as Prometheus prints them).
   */
  Map<String, Double> metrics(String... prefixes) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      for (String prefix : prefixes) {
        if (line.startsWith(prefix)) {
          int space = line.lastIndexOf(' ');
          samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
      }
    }
    return samples;
  }

  /** The kernel's clock ticks per second, the unit of {@code /proc/<pid>/stat} and {@code /proc/stat}. */
  static long clockTicksPerSecond() {
    return ClockTicks.PER_SECOND;
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        // The body tells Prometheus from another server that took the port while this one failed to bind.
        if (response.statusCode() == 200 && response.body().startsWith("Prometheus")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("prometheus was not ready within " + READY_TIMEOUT + "; see " + log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), the unit of {@code /proc/<pid>/stat}. */
  private static final class ClockTicks {
    static final long PER_SECOND = read();

    private static long read() {
      try {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
      } catch (IOException | NumberFormatException e) {
        return 100;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 100;
      }
    }
  }
}
