package dev.sredsl.verify;

import dev.sredsl.testing.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus binary on a free loopback port, started on a data folder (typically the blocks
 * of a {@link History}), with no scrape target, optionally the given rule files and optionally basic
 * auth through a real web config file. {@link Builder#start()} returns once Prometheus answers
 * {@code /-/ready}, that is, once it has loaded the blocks. {@link #stop()} stops it mid-test, as a
 * server going away during a run; {@link #close()} stops it too. A JVM shutdown hook stops it when the
 * test JVM is killed before {@code close()} runs. Its log is kept for failure messages.
 *
 * <pre>{@code
 * try (LocalPrometheus prometheus = LocalPrometheus.on(history.writeBlocks(work)).basicAuth("u", "p").start()) {
 *   URI url = prometheus.baseUrl();
 * }
 * }</pre>
 */
public final class LocalPrometheus implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final Thread stopOnJvmExit;
  private final URI baseUrl;
  private final Path log;

  private LocalPrometheus(Process process, URI baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.stopOnJvmExit = new Thread(process::destroyForcibly, "stop-local-prometheus");
    Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
  }

  /**
   * A Prometheus to start on {@code dataDir} (its {@code --storage.tsdb.path}; Prometheus writes its
   * lock, WAL and head there, so one server per folder at a time). Its config, web config and log go
   * to a new folder beside {@code dataDir}.
   */
  public static Builder on(Path dataDir) {
    return new Builder(dataDir);
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash; still the same after {@link #stop()}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The file Prometheus logs to. */
  public Path logFile() {
    return log;
  }

  /** The log's last lines, for a failure message. */
  public String logTail() {
    return tail(log);
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after 10 s) and waits until the process is gone; idempotent. */
  public void stop() {
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
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is already running
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitReady(String user, String password) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/-/ready")).timeout(Duration.ofSeconds(2));
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int lastStatus = 0;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue() + "; its log ends:\n"
            + logTail());
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        lastStatus = response.statusCode();
        // The body tells Prometheus from another server that took the port while this one failed to bind.
        if (lastStatus == 200 && response.body().startsWith("Prometheus")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for prometheus", e);
      }
      sleep(50);
    }
    throw new IllegalStateException("prometheus was not ready within " + READY_TIMEOUT + " (last status "
        + lastStatus + "); its log ends:\n" + logTail());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for prometheus", e);
    }
  }

  /** What to start Prometheus with. */
  public static final class Builder {
    private final Path dataDir;
    private final List<Path> ruleFiles = new ArrayList<>();
    private String user;
    private String password;

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
    }

    /** Rule files for {@code rule_files}; Prometheus evaluates them against the wall clock, every minute. */
    public Builder ruleFiles(Path... files) {
      for (Path file : files) {
        ruleFiles.add(file.toAbsolutePath());
      }
      return this;
    }

    /** Requires HTTP basic auth on every path, {@code /-/ready} included, through {@code --web.config.file}. */
    public Builder basicAuth(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Starts Prometheus and waits until it is ready. Skips the test (fails it in CI) when Prometheus
     * is not installed; fails with the log's tail when it does not start.
     */
    public LocalPrometheus start() throws IOException {
      Path binary = ExternalTool.prometheus().require();
      Path work = Files.createTempDirectory(dataDir.getParent(), "prometheus-");
      Path config = work.resolve("prometheus.yml");
      Files.writeString(config, config());
      Path webConfig = null;
      if (user != null) {
        webConfig = work.resolve("web.yml");
        Files.writeString(webConfig,
            "basic_auth_users:\n  " + quoted(user) + ": " + quoted(Bcrypt.hash(password)) + "\n");
      }
      Path log = work.resolve("prometheus.log");
      IllegalStateException failure = null;
      // The free port is only free until someone takes it: retry when another process got there first.
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dataDir,
            // Time retention counts back from the newest block; a designed history must never go.
            "--storage.tsdb.retention.time=3650d",
            "--web.listen-address=127.0.0.1:" + port));
        if (webConfig != null) {
          command.add("--web.config.file=" + webConfig);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port), log);
        try {
          prometheus.awaitReady(user, password);
          return prometheus;
        } catch (IllegalStateException e) {
          prometheus.close();
          failure = e;
          if (!tail(log).contains("address already in use")) {
            break;
          }
        }
      }
      throw failure;
    }

    private String config() {
      StringBuilder yaml = new StringBuilder("global:\n  evaluation_interval: 1m\n");
      if (!ruleFiles.isEmpty()) {
        yaml.append("rule_files:\n");
        for (Path file : ruleFiles) {
          yaml.append("  - ").append(quoted(file.toString())).append('\n');
        }
      }
      return yaml.append("scrape_configs: []\n").toString();
    }

    /** A YAML single-quoted scalar. */
    private static String quoted(String text) {
      return "'" + text.replace("'", "''") + "'";
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }
  }

  /**
   * A bcrypt hash for the web config, made by the system's crypt(3) through Perl: perl-base is an
   * essential package on every Debian and Debian's libcrypt (libxcrypt) knows bcrypt, so no extra
   * package is needed. The JDK has no bcrypt, and the project takes no dependency for one.
   */
  private static final class Bcrypt {
    /** bcrypt's own base64 alphabet. */
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Cost 4, the least bcrypt allows: the password protects nothing, and every request pays the cost. */
    private static final String COST = "04";

    static String hash(String password) throws IOException {
      SecureRandom random = new SecureRandom();
      StringBuilder salt = new StringBuilder("$2b$" + COST + "$");
      for (int i = 0; i < 21; i++) {
        salt.append(ALPHABET.charAt(random.nextInt(64)));
      }
      // The 22nd character carries only 2 of the salt's 128 bits; its low 4 bits must be zero.
      salt.append(ALPHABET.charAt(random.nextInt(4) * 16));
      ProcessBuilder perl = new ProcessBuilder("perl", "-e", "print crypt($ENV{SRE_PASSWORD}, $ENV{SRE_SALT})")
          .redirectErrorStream(true);
      // Through the environment, so no quoting can go wrong and the password is not on a command line.
      perl.environment().put("SRE_PASSWORD", password);
      perl.environment().put("SRE_SALT", salt.toString());
      Process process = perl.start();
      String hash = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      try {
        boolean done = process.waitFor(30, TimeUnit.SECONDS);
        if (!done || process.exitValue() != 0 || !hash.startsWith(salt.toString())) {
          throw new IllegalStateException("perl's crypt() gave no bcrypt hash (does libcrypt lack bcrypt?): " + hash);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted while hashing the password", e));
      }
      return hash;
    }
  }
}
