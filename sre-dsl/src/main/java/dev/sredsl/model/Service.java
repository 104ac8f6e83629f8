package dev.sredsl.model;

import dev.sredsl.promql.LabelMatcher;
import java.util.List;
import java.util.Optional;

/**
 * Everything declared about one service. Plain immutable data: the generators are pure functions of
 * it.
 *
 * @param name lower-case letters, digits and dashes; also the base of generated file names
 * @param selector matchers that select the service's own series (default {@code job="<name>"})
 * @param requests request metrics for traffic, errors, latency and SLOs; {@code null} when none
 * @param signals further signals: saturation and custom ones, in declaration order
 * @param panels custom dashboard panels
 * @param deployments PromQL whose samples mark deployments on the dashboard, or {@code null} for the
 *     default (restarts seen in {@code process_start_time_seconds})
 */
public record Service(
    String name,
    String description,
    Tier tier,
    Ownership owner,
    List<LabelMatcher> selector,
    RequestMetrics requests,
    List<Signal> signals,
    List<Dependency> dependencies,
    List<Slo> slos,
    List<Alert> alerts,
    List<CustomPanel> panels,
    String deployments,
    List<Waiver> waivers) {

  public Service {
    selector = List.copyOf(selector);
    signals = List.copyOf(signals);
    dependencies = List.copyOf(dependencies);
    slos = List.copyOf(slos);
    alerts = List.copyOf(alerts);
    panels = List.copyOf(panels);
    waivers = List.copyOf(waivers);
  }

  public Optional<RequestMetrics> requestMetrics() {
    return Optional.ofNullable(requests);
  }

  public Optional<Signal> signal(String signalName) {
    return signals.stream().filter(s -> s.name().equals(signalName)).findFirst()
        .or(() -> dependencies.stream()
            .map(Dependency::health)
            .filter(h -> h != null && h.name().equals(signalName))
            .findFirst());
  }
}
