package dev.sredsl.verify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLException;

/**
 * Sends API calls over HTTP: at most a fixed number in flight at once across all threads, each with a
 * timeout, and again after an exponential pause when the failure may pass (HTTP 5xx and 429, timeouts,
 * broken connections), never when it will not (4xx, refused connections, unknown hosts, TLS failures).
 * Answers with any other status go back to the caller to read; failures become one-line exceptions.
 * Thread-safe.
 */
final class RetryingTransport {

  /** What the server answered; {@code contentType} and {@code location} are empty when absent. */
  record Answer(int status, String contentType, byte[] body, String location) {}

  /** Pauses double from the base up to this many times, so a large retry count cannot wait for ages. */
  private static final int MAX_DOUBLINGS = 6;

  private final HttpClient client;
  private final String apiBase;
  private final String host;
  private final Optional<String> authorization;
  private final Duration timeout;
  private final Semaphore inFlight;
  private final int attempts;
  private final Duration backoffBase;
  private final ApiMessages messages;

  RetryingTransport(BaseUrl url, Credentials credentials, Duration timeout, int maxConcurrent, int retries,
      Duration backoffBase, ApiMessages messages) {
    this.apiBase = url.apiBase();
    this.host = URI.create(url.apiBase()).getHost();
    this.authorization = credentials.authorizationHeader();
    this.timeout = timeout;
    // Fair, so that a thread waiting for a permit is not overtaken for ever by a busy neighbour.
    this.inFlight = new Semaphore(maxConcurrent, true);
    this.attempts = retries + 1;
    this.backoffBase = backoffBase;
    this.messages = messages;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        // A redirect is reported, not followed: followed, it could carry the Authorization header elsewhere.
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1 spares plain-http servers and proxies the h2c upgrade dance on every POST.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * Sends the call, retrying what may pass.
   *
   * @return the answer, whose status is not 5xx nor 429
   * @throws PrometheusApiException when the server cannot be reached, does not answer in time, or keeps
   *     answering 5xx or 429 after every attempt
   */
  Answer send(ApiCall call) {
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= attempts;
      try {
        Answer answer = sendOnce(call);
        if (!mayPass(answer.status())) {
          return answer;
        }
        if (last) {
          String detail = AnswerReader.prometheusError(AnswerReader.parse(answer.body())).orElse("");
          throw messages.failed(answer.status(), attempt, call, detail);
        }
      } catch (HttpConnectTimeoutException e) {
        if (last) {
          throw messages.connectTimedOut(timeout, attempt);
        }
      } catch (HttpTimeoutException e) {
        if (last) {
          throw messages.timedOut(timeout, attempt, call);
        }
      } catch (IOException e) {
        Optional<String> lasting = lastingFailure(e);
        if (lasting.isPresent()) {
          throw messages.unreachable(lasting.get());
        }
        if (last) {
          throw messages.unreachable("the connection failed (" + ApiMessages.serverText(describe(e)) + "; " + attempt
              + (attempt == 1 ? " attempt)" : " attempts)"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw messages.interrupted(call);
      }
      pause(attempt, call);
    }
  }

  private Answer sendOnce(ApiCall call) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + call.path()))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("User-Agent", "sre-dsl");
    authorization.ifPresent(value -> request.header("Authorization", value));
    if (call.method().equals("POST")) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(call.formBody()));
    } else {
      request.GET();
    }
    inFlight.acquire();
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response.headers().firstValue("Location").orElse(""));
    } finally {
      inFlight.release();
    }
  }

  /** Overload (429) and server trouble (5xx) may pass; a client error (4xx) will be the same next time. */
  private static boolean mayPass(int status) {
    return status == 429 || status >= 500 && status <= 599;
  }

  /** Sleeps base, 2 base, 4 base, ... between attempts, holding no permit. */
  private void pause(int attempt, ApiCall call) {
    long millis = backoffBase.toMillis() << Math.min(attempt - 1, MAX_DOUBLINGS);
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw messages.interrupted(call);
    }
  }

  /**
   * Why a connection failed when trying again will not help: the host is unknown, nothing listens on
   * the port, or TLS failed. Empty for failures that may pass, such as a reset connection.
   */
  private Optional<String> lastingFailure(IOException failure) {
    boolean connect = false;
    String socketMessage = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return Optional.of("unknown host " + host);
      }
      if (t instanceof SSLException) {
        return Optional.of("TLS failed (" + ApiMessages.serverText(describe(t))
            + "); check the URL's scheme and port and that the JVM trusts the server's certificate");
      }
      connect |= t instanceof ConnectException;
      if (socketMessage == null && t instanceof SocketException && t.getMessage() != null) {
        socketMessage = t.getMessage();
      }
    }
    if (!connect) {
      return Optional.empty();
    }
    // The JDK client wraps "connection refused" in exceptions without a message; others say what failed.
    return Optional.of(socketMessage == null
        ? "connection refused"
        : ApiMessages.serverText(socketMessage.toLowerCase(Locale.ROOT)));
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
