package dev.sredsl.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake HTTP servers on a free loopback port that are not the Prometheus a user meant, for the tests
 * of how verification fails: a single-sign-on login page, a server that answers too late, a server
 * that is unavailable. Each answers every path and method the same way.
 *
 * <pre>{@code
 * try (FaultyServers.Server server = FaultyServers.loginPage()) {
 *   URI url = server.baseUrl();
 * }
 * }</pre>
 */
public final class FaultyServers {

  /** What a request through an SSO proxy without a session gets: 200 and an HTML page. */
  static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
      + "<body><form method=\"post\" action=\"/login\"><input name=\"username\"><input name=\"password\" "
      + "type=\"password\"><button>Sign in</button></form></body></html>\n";

  /** What the slow server finally answers: a valid, empty instant-query result. */
  static final String EMPTY_RESULT = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

  private FaultyServers() {
  }

  /** Answers 200 with an HTML login page ({@code text/html}) for every path, as an SSO proxy does. */
  public static Server loginPage() {
    return new Server(exchange -> respond(exchange, 200, "text/html; charset=utf-8", LOGIN_PAGE));
  }

  /**
   * Waits {@code delay} before answering 200 with an empty Prometheus result, so only a client that
   * gives up in time notices. Closing the server interrupts the waiting.
   */
  public static Server slow(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return new Server(exchange -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException closed) {
        exchange.close();
        return;
      }
      respond(exchange, 200, "application/json", EMPTY_RESULT);
    });
  }

  /** Answers 503 Service Unavailable for every path. */
  public static Server unavailable() {
    return new Server(exchange -> respond(exchange, 503, "text/plain; charset=utf-8", "Service Unavailable\n"));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /** One running fake server; counts the requests it received. */
  public static final class Server implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService threads;
    private final AtomicInteger requests = new AtomicInteger();

    private Server(HttpHandler handler) {
      try {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // A thread per request, daemons, so a slow answer blocks neither other requests nor the JVM's exit.
      threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-server");
        thread.setDaemon(true);
        return thread;
      });
      http.setExecutor(threads);
      http.createContext("/", exchange -> {
        requests.incrementAndGet();
        handler.handle(exchange);
      });
      http.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
      return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** How many requests arrived so far (a slow one counts when it arrives, not when it is answered). */
    public int requests() {
      return requests.get();
    }

    @Override
    public void close() {
      http.stop(0);
      threads.shutdownNow();
    }
  }
}
