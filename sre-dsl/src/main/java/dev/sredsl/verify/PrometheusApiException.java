package dev.sredsl.verify;

/**
 * The server could not be used: unreachable, refused the credentials, is not a Prometheus, timed out,
 * or rejected a query (the message names the query). The message is one line, without credentials.
 */
public final class PrometheusApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PrometheusApiException(String message) {
    super(message, null, false, false);
  }
}
