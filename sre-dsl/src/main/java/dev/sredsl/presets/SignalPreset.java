package dev.sredsl.presets;

import dev.sredsl.model.Signal;
import dev.sredsl.promql.LabelMatcher;
import java.util.List;

/**
 * A signal following a library's metric convention, not yet tied to a service. The service builder
 * binds it with the service's selector (e.g. {@code job="checkout"}) so that every query reads only
 * that service's series.
 *
 * <p>A team can write its own preset as a lambda, so that the selector reaches its query:
 *
 * <pre>{@code
 * SignalPreset outboxBacklog = selector -> Signal.custom(SignalKind.SATURATION, "outbox-backlog",
 *     PromQL.max(PromQL.metric("outbox_pending_messages").and(selector)).toString());
 * }</pre>
 */
@FunctionalInterface
public interface SignalPreset {

  /**
   * The signal for one service.
   *
   * @param serviceSelector the service's label matchers, e.g. {@code job="checkout"}; every selector
   *     of the returned expression should include them
   * @return the signal, with its expression narrowed to the service's series
   */
  Signal bind(List<LabelMatcher> serviceSelector);

  /**
   * A preset that is already a complete signal, e.g. one written in raw PromQL. The selector is
   * ignored: the signal's expression is used as written.
   *
   * @param signal the signal
   * @return a preset that returns {@code signal} for any service
   */
  static SignalPreset of(Signal signal) {
    return selector -> signal;
  }
}
