package dev.sredsl.presets;

import dev.sredsl.model.Signal;
import dev.sredsl.promql.LabelMatcher;
import java.util.List;

/**
 * A signal following a library's metric convention, not yet tied to a service. The service builder
 * binds it with the service's selector (e.g. {@code job="checkout"}) so that every query reads only
 * that service's series.
 */
@FunctionalInterface
public interface SignalPreset {

  Signal bind(List<LabelMatcher> serviceSelector);

  /** A preset that is already a complete signal, e.g. one written in raw PromQL. */
  static SignalPreset of(Signal signal) {
    return selector -> signal;
  }
}
