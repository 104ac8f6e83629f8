package dev.sredsl.diff.routing;

/**
 * An Alertmanager configuration cannot be read as a routing tree, e.g. a route has a malformed matcher.
 * Its message is one line that names the file, the place in it (e.g. {@code route.routes[1].matchers[0]})
 * and the fix; tools print it without a stack trace.
 */
public final class AlertmanagerConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AlertmanagerConfigException(String message) {
    super(message, null, false, false);
  }
}
