package dev.sredsl.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus binary on a free loopback port with a data folder of its own, scraping one
 * target every second and evaluating the given rule file every second. {@link #close()} stops it
 * and waits until the process is gone.
 */
final class PrometheusServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  /** Stops Prometheus when the test JVM is terminated mid-test, where close() never runs. */
  private final Thread stopOnJvmExit;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  PrometheusServer(Path binary, Path work, Path rules, int targetPort) throws IOException {
    port = freePort();
    Path config = work.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - %s
        scrape_configs:
          - job_name: checkout
            metrics_path: /actuator/prometheus
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(rules.toAbsolutePath(), targetPort));
    process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + work.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("prometheus.log").toFile())
        .start();
    stopOnJvmExit = new Thread(process::destroyForcibly, "stop-prometheus");
    Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Waits until Prometheus answers as ready, or fails after {@code timeout}. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("prometheus was not ready within " + timeout);
  }

  /** The instant query's result vector. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return JSON.readTree(response.body()).path("data").path("result");
  }

  /** The first sample's value of the query, or NaN when it gives none. */
  double value(String promql) throws IOException, InterruptedException {
    JsonNode result = query(promql);
    return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asText());
  }

  /** Active alerts (pending and firing). */
  JsonNode alerts() throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/alerts").body()).path("data").path("alerts");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is already running
    }
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
}
