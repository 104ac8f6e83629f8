package dev.sredsl.model;

import dev.sredsl.promql.LabelMatcher;
import java.util.List;
import java.util.Optional;

/**
 * Everything declared about one service. Plain immutable data: the generators are pure functions of
 * it.
 *
 * <p>Lists are unmodifiable and keep the order of declaration. Instances come from the DSL and may
 * hold what validation has yet to reject (a {@code null} tier, an invalid name); a generator may rely
 * only on a service that passed validation.
 *
 * @param name lower-case letters, digits and dashes; also the base of generated file names
 * @param description what the service does; {@code null} when not declared
 * @param tier how much the business depends on the service; {@code null} only before validation
 * @param owner who answers for the service; {@code Ownership.NONE} when not declared
 * @param selector matchers that select the service's own series (default {@code job="<name>"})
 * @param requests request metrics for traffic, errors, latency and SLOs; {@code null} when none
 * @param signals further signals: saturation and custom ones, in declaration order
 * @param dependencies what the service cannot work without, each with its health signal
 * @param slos the service level objectives
 * @param alerts the declared alerts, without the burn-rate alerts generated for the SLOs
 * @param panels custom dashboard panels
 * @param deployments PromQL whose samples mark deployments on the dashboard, or {@code null} for the
 *     default (restarts seen in {@code process_start_time_seconds})
 * @param waivers coverage waivers that apply to the whole service
 * @param missingDataAlertsOff why the service has no missing-data alerts, or {@code null} when it
 *     has them (the default)
 * @param targetsDownFor how long at least half the targets must be down before the targets-down
 *     alert fires, or {@code null} for the default
 * @param riskAcknowledgements changes that reduce protection, made on purpose, for {@code sre:diff}
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
    List<Waiver> waivers,
    String missingDataAlertsOff,
    java.time.Duration targetsDownFor,
    List<RiskAcknowledgement> riskAcknowledgements) {

  public Service {
    selector = List.copyOf(selector);
    signals = List.copyOf(signals);
    dependencies = List.copyOf(dependencies);
    slos = List.copyOf(slos);
    alerts = List.copyOf(alerts);
    panels = List.copyOf(panels);
    waivers = List.copyOf(waivers);
    riskAcknowledgements = List.copyOf(riskAcknowledgements);
  }

  /**
   * The request metrics, for callers that handle a service without them.
   *
   * @return {@code requests}, or empty when the service declares none
   */
  public Optional<RequestMetrics> requestMetrics() {
    return Optional.ofNullable(requests);
  }

  /**
   * A signal by id, as an alert condition refers to it: the service's own signals first, then the
   * health signals of its dependencies.
   *
   * @param signalName the signal's id, e.g. {@code hikari-orders}
   * @return the first signal with that id, or empty when there is none
   */
  public Optional<Signal> signal(String signalName) {
    return signals.stream().filter(s -> java.util.Objects.equals(s.name(), signalName)).findFirst()
        .or(() -> dependencies.stream()
            .map(Dependency::health)
            .filter(h -> h != null && java.util.Objects.equals(h.name(), signalName))
            .findFirst());
  }
}
