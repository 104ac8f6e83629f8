package dev.sredsl.model;

/**
 * A named time series a team watches: one golden signal, or the health of a dependency.
 *
 * @param name identifier unique within its service, lower-case with dashes (used in panel ids and
 *     in conditions that refer to the signal)
 * @param kind which golden signal it is
 * @param description what the series means, in words for the person on call
 * @param expression instant-vector PromQL; a preset's is already narrowed to the service's series
 * @param unit Grafana unit id of the value, e.g. {@code percentunit}, {@code reqps}, {@code s}
 */
public record Signal(String name, SignalKind kind, String description, String expression, String unit) {

  /**
   * A signal from hand-written PromQL; the expression is checked at build time. It has no description
   * and the Grafana unit {@code short} until {@link #describedAs} and {@link #unit} set them. The
   * expression is used as written: unlike a preset, it is not narrowed to the service's series.
   *
   * <pre>{@code
   * Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total{job=\"checkout\"}[5m]))")
   *     .describedAs("Orders placed per second.")
   *     .unit("reqps")
   * }</pre>
   *
   * @param kind which golden signal it is
   * @param name 1 to 63 lower-case letters, digits and dashes, starting with a letter, unique among
   *     the service's signals
   * @param expression PromQL giving an instant vector or a scalar
   * @return the signal
   */
  public static Signal custom(SignalKind kind, String name, String expression) {
    return new Signal(name, kind, null, expression, "short");
  }

  /**
   * The same signal with a description, shown on its dashboard panel and, for a dependency's health
   * signal, in the runbook.
   *
   * @param text what the series means, for the person on call; must not be blank
   * @return a copy with that description
   */
  public Signal describedAs(String text) {
    return new Signal(name, kind, text, expression, unit);
  }

  /**
   * The same signal with another Grafana unit for its panel.
   *
   * @param grafanaUnit a Grafana unit id such as {@code percentunit}, {@code reqps}, {@code s};
   *     must not be blank
   * @return a copy with that unit
   */
  public Signal unit(String grafanaUnit) {
    return new Signal(name, kind, description, expression, grafanaUnit);
  }
}
