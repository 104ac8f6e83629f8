package dev.sredsl.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small HTTP service on loopback, instrumented with Micrometer's Prometheus registry the way Spring
 * Boot instruments its HTTP server: timer {@code http.server.requests} with tags method, uri, status,
 * outcome and exception, a histogram with the 300 ms SLO bucket, JVM memory and process CPU, and a
 * HikariCP-like pool. {@code /actuator/prometheus} serves the scrape.
 */
final class InstrumentedService implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;
  /** Whether every other request fails with a 500, as a broken deployment would make it. */
  final AtomicBoolean failing = new AtomicBoolean();
  private long served;

  InstrumentedService() throws IOException {
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Gauge.builder("hikaricp.connections.active", () -> 2).tag("pool", "orders").register(registry);
    Gauge.builder("hikaricp.connections.max", () -> 10).tag("pool", "orders").register(registry);
    Gauge.builder("hikaricp.connections.pending", () -> 0).tag("pool", "orders").register(registry);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/checkout", exchange -> {
      long start = System.nanoTime();
      boolean fail;
      synchronized (this) {
        fail = failing.get() && served++ % 2 == 0;
      }
      int status = fail ? 500 : 200;
      respond(exchange, status, fail ? "{\"error\":\"boom\"}" : "{\"status\":\"ok\"}");
      Timer.builder("http.server.requests")
          .tags("method", "POST", "uri", "/api/checkout", "status", String.valueOf(status),
              "outcome", fail ? "SERVER_ERROR" : "SUCCESS", "exception", fail ? "IllegalStateException" : "none")
          .publishPercentileHistogram()
          .serviceLevelObjectives(Duration.ofMillis(300))
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - start));
    });
    server.createContext("/actuator/prometheus", exchange -> respond(exchange, 200,
        registry.scrape()));
    server.start();
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  String scrape() {
    return registry.scrape();
  }

  /** Stops answering, scrapes included, as a crashed instance does; the registry stays. */
  void stopServing() {
    if (!stopped) {
      stopped = true;
      server.stop(0);
    }
  }

  @Override
  public void close() {
    stopServing();
    registry.close();
  }

  private boolean stopped;
}
