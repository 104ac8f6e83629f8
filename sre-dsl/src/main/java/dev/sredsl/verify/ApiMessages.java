package dev.sredsl.verify;

import java.time.Duration;
import java.util.List;

/**
 * The one-line messages of {@link PrometheusApiException}, in one place so that every failure reads
 * alike: it names the server and what was asked, says what went wrong, and where it helps, what to
 * check. Text that comes from the server is put on one line and cut short; every message is scrubbed
 * of the secrets of the credentials in case a server echoes them back.
 */
final class ApiMessages {

  /** How much of a server's own text (an error, a header) a message quotes. */
  static final int SERVER_TEXT_MAX = 300;

  /** How much of a query a message quotes; generated queries are long, but a screenful is enough. */
  static final int QUERY_MAX = 1000;

  private final String server;
  private final List<String> secrets;
  private final boolean credentialsGiven;

  ApiMessages(String server, Credentials credentials) {
    this.server = server;
    this.secrets = credentials.secrets();
    this.credentialsGiven = !credentials.isNone();
  }

  PrometheusApiException unreachable(String reason) {
    return line("is unreachable: " + reason + "; check sre.prometheusUrl");
  }

  PrometheusApiException refusedCredentials(int status) {
    if (!credentialsGiven) {
      return line("requires credentials (HTTP " + status + ") and none were given; add a <server> entry named by"
          + " sre.prometheusServerId or set the credentials variable");
    }
    return line("refused the credentials (HTTP " + status + "); check the <server> entry named by"
        + " sre.prometheusServerId or the credentials variable");
  }

  /** The answer was not Prometheus' JSON: {@code got} says what it was, e.g. {@code text/html}. */
  PrometheusApiException notPrometheus(String got, ApiCall call) {
    return line("did not answer as a Prometheus API: got " + got + " from " + call.path()
        + "; is sre.prometheusUrl the server's base URL?");
  }

  PrometheusApiException redirected(int status, ApiCall call, String location) {
    return line("answered " + call.path() + " with a redirect (HTTP " + status + ") to " + serverText(location)
        + "; is sre.prometheusUrl the server's base URL, or does a login page stand in front of it?");
  }

  PrometheusApiException timedOut(Duration timeout, int attempts, ApiCall call) {
    return line("did not answer within " + duration(timeout) + " (" + attempts(attempts) + ") for "
        + about(call));
  }

  PrometheusApiException connectTimedOut(Duration timeout, int attempts) {
    return unreachable("no connection within " + duration(timeout) + " (" + attempts(attempts) + ")");
  }

  /** Prometheus' own error for a request it would not run, e.g. a query that does not parse. */
  PrometheusApiException rejected(ApiCall call, String error) {
    String what = call.subject() == null
        ? "the request to " + call.path()
        : "the " + call.subjectKind() + " " + oneLine(call.subject(), QUERY_MAX);
    return line("rejected " + what + ": " + error);
  }

  /** A status the API does not answer with, after the attempts it was worth. */
  PrometheusApiException failed(int status, int attempts, ApiCall call, String detail) {
    String count = attempts > 1 ? " (" + attempts(attempts) + ")" : "";
    String why = detail == null || detail.isEmpty() ? "" : ": " + detail;
    return line("failed with HTTP " + status + count + " for " + about(call) + why);
  }

  /** A successful answer whose content is not what the endpoint gives. */
  PrometheusApiException unexpected(ApiCall call, String what) {
    return line("answered " + what + " for " + about(call));
  }

  PrometheusApiException interrupted(ApiCall call) {
    return line("did not answer before the thread was interrupted, for " + about(call));
  }

  private String about(ApiCall call) {
    return call.subject() == null ? call.path() : call.subjectKind() + ": " + oneLine(call.subject(), QUERY_MAX);
  }

  private PrometheusApiException line(String text) {
    String message = oneLine("Prometheus at " + server + " " + text, Integer.MAX_VALUE);
    for (String secret : secrets) {
      message = message.replace(secret, "***");
    }
    return new PrometheusApiException(message);
  }

  /** Server-provided text as a short single line. */
  static String serverText(String text) {
    return oneLine(text == null ? "" : text, SERVER_TEXT_MAX);
  }

  /** The text with every run of whitespace and control characters made one space, cut to {@code max}. */
  static String oneLine(String text, int max) {
    String flat = text.replaceAll("[\\s\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max) + "...";
  }

  /** {@code 30s}, {@code 300ms}, {@code 1m30s}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms <= 0) {
      return ms + "ms";
    }
    StringBuilder out = new StringBuilder();
    long[] units = {3_600_000, 60_000, 1000, 1};
    String[] names = {"h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (ms >= units[i]) {
        out.append(ms / units[i]).append(names[i]);
        ms %= units[i];
      }
    }
    return out.toString();
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }
}
