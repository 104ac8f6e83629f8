package dev.sredsl.dsl;

import dev.sredsl.problem.Problem;
import dev.sredsl.model.Alert;
import dev.sredsl.model.CustomPanel;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Dependency;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Signal;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.model.Waiver;
import dev.sredsl.presets.SignalPreset;
import dev.sredsl.promql.LabelMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Declares one service. Signal presets are bound to the service's selector when the service is
 * built, so {@link #selector} may come before or after them.
 */
public final class ServiceBuilder {

  private final String name;
  private final Scope scope;
  private String description;
  private Tier tier;
  private Ownership owner = Ownership.NONE;
  private List<LabelMatcher> selector;
  private RequestMetrics requests;
  private final List<SignalPreset> signals = new ArrayList<>();
  private final List<DependencyBuilder> dependencies = new ArrayList<>();
  private final List<Slo> slos = new ArrayList<>();
  private final List<AlertBuilder> alerts = new ArrayList<>();
  private final List<Waiver> waivers = new ArrayList<>();
  private final List<CustomPanel> panels = new ArrayList<>();
  private String deployments;
  private int declaredDependencies;

  private static final String NULL_SIGNAL = "a signal is null; pass a preset such as Jvm.heapUsed() or Signal.custom(...)";

  ServiceBuilder(String name, Scope scope) {
    this.name = name;
    this.scope = scope;
  }

  /** One sentence on what the service does, for the dashboard, the runbook and the catalog. */
  public ServiceBuilder description(String text) {
    this.description = text;
    return this;
  }

  public ServiceBuilder tier(Tier serviceTier) {
    this.tier = serviceTier;
    return this;
  }

  public ServiceBuilder owner(Consumer<OwnershipBuilder> spec) {
    OwnershipBuilder builder = new OwnershipBuilder();
    scope.nested("owner").run(builder, spec);
    this.owner = builder.build();
    return this;
  }

  /**
   * Label matchers that select this service's series among all in Prometheus. Without it, the
   * service is selected by {@code job="<service name>"}, the job name of its scrape configuration.
   */
  public ServiceBuilder selector(LabelMatcher... matchers) {
    List<LabelMatcher> given = new ArrayList<>();
    scope.addNonNull(given, java.util.Arrays.asList(matchers), "selector holds a null matcher; remove it");
    this.selector = given;
    return this;
  }

  /** Shorthand for {@code selector(LabelMatcher.eq(label, value))}. */
  public ServiceBuilder selector(String label, String value) {
    return selector(LabelMatcher.eq(label, value));
  }

  /**
   * The request metrics that give traffic, errors and latency, e.g. {@code Micrometer.httpServer()}
   * or {@code OpenTelemetry.httpServer()}.
   */
  public ServiceBuilder signals(RequestMetrics requestMetrics) {
    if (requests != null) {
      scope.report("request metrics are declared twice (" + requests.source() + " and "
          + (requestMetrics == null ? "null" : requestMetrics.source())
          + "); declare one request-metrics preset per service");
    }
    this.requests = requestMetrics;
    return this;
  }

  /** Saturation signals, e.g. {@code Jvm.heapUsed()}, {@code Hikari.pool("orders")}. */
  public ServiceBuilder saturation(SignalPreset... presets) {
    scope.addNonNull(signals, java.util.Arrays.asList(presets), NULL_SIGNAL);
    return this;
  }

  /** A signal of any kind written by hand, e.g. {@code Signal.custom(SignalKind.TRAFFIC, ...)}. */
  public ServiceBuilder signal(Signal custom) {
    if (custom == null) {
      scope.report(NULL_SIGNAL);
    } else {
      signals.add(SignalPreset.of(custom));
    }
    return this;
  }

  public ServiceBuilder dependency(Consumer<DependencyBuilder> spec) {
    DependencyBuilder builder = new DependencyBuilder();
    declaredDependencies++;
    if (scope.nested("dependency #" + declaredDependencies).run(builder, spec)) {
      dependencies.add(builder);
    }
    return this;
  }

  public ServiceBuilder slo(Slo objective) {
    if (objective == null) {
      scope.report("an slo is null; pass Slo.availability(...) or Slo.latency(...)");
    } else {
      slos.add(objective);
    }
    return this;
  }

  /** Declares an alert; {@code name} is CamelCase, e.g. {@code CheckoutHighErrorRate}. */
  public ServiceBuilder alert(String alertName, Consumer<AlertBuilder> spec) {
    Scope alertScope = scope.nested("alert " + Problem.quoteName(alertName));
    AlertBuilder builder = new AlertBuilder(alertName, alertScope);
    if (alertScope.run(builder, spec)) {
      alerts.add(builder);
    }
    return this;
  }

  /** Adds a panel with hand-written PromQL to the service's dashboard. */
  public ServiceBuilder panel(Consumer<PanelBuilder> spec) {
    PanelBuilder builder = new PanelBuilder();
    if (scope.nested("panel #" + (panels.size() + 1)).run(builder, spec)) {
      panels.add(builder.build());
    }
    return this;
  }

  /**
   * PromQL whose samples mark deployments on the dashboard, e.g.
   * {@code changes(app_build_info{job="checkout"}[$__rate_interval]) > 0}. Without it, restarts of the
   * service's processes ({@code process_start_time_seconds} changing) mark them.
   */
  public ServiceBuilder deployments(String promql) {
    this.deployments = promql;
    return this;
  }

  /**
   * Counts a coverage item of this service as covered until {@code expires}, e.g. an SLO still being
   * agreed with the business. Reports list it as waived; once expired, it fails the gate.
   */
  public ServiceBuilder waive(CoverageCounter counter, String reason, LocalDate expires) {
    // A waiver with missing parts is kept: validation names what is missing.
    waivers.add(new Waiver(counter, reason, expires));
    return this;
  }

  Service build() {
    List<LabelMatcher> effectiveSelector = selector != null
        ? selector
        : List.of(LabelMatcher.eq("job", name == null ? "" : name));
    List<Signal> boundSignals = new ArrayList<>();
    for (SignalPreset preset : signals) {
      boundSignals.add(preset.bind(effectiveSelector));
    }
    List<Dependency> boundDependencies = dependencies.stream()
        .map(d -> d.build(effectiveSelector))
        .toList();
    return new Service(
        name,
        description,
        tier,
        owner,
        effectiveSelector,
        requests == null ? null : requests.withFilters(effectiveSelector),
        boundSignals,
        boundDependencies,
        slos,
        alerts.stream().map(AlertBuilder::build).toList(),
        panels,
        deployments,
        waivers);
  }

}
