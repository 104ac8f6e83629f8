package dev.sredsl.model;

/**
 * A named time series a team watches: one golden signal, or the health of a dependency.
 *
 * @param name identifier unique within its service, lower-case with dashes (used in panel ids and
 *     in conditions that refer to the signal)
 * @param kind which golden signal it is
 * @param description what the series means, in words for the person on call
 * @param expression instant-vector PromQL, already narrowed to the service's series
 * @param unit Grafana unit id of the value, e.g. {@code percentunit}, {@code reqps}, {@code s}
 */
public record Signal(String name, SignalKind kind, String description, String expression, String unit) {

  /** A signal from hand-written PromQL; the expression is checked at build time. */
  public static Signal custom(SignalKind kind, String name, String expression) {
    return new Signal(name, kind, null, expression, "short");
  }

  public Signal describedAs(String text) {
    return new Signal(name, kind, text, expression, unit);
  }

  public Signal unit(String grafanaUnit) {
    return new Signal(name, kind, description, expression, grafanaUnit);
  }
}
