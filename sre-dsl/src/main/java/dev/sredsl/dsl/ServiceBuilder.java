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
import dev.sredsl.model.RiskAcknowledgement;
import dev.sredsl.model.Waiver;
import dev.sredsl.presets.SignalPreset;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Declares one service. Signal presets are bound to the service's selector when the service is
 * built, so {@link #selector} may come before or after them.
 *
 * <p>An instance is handed to the lambda of {@code SreRegistry.service(name, spec)}. Only the tier is
 * required; the rest is what the coverage gate asks for. Builder methods do not throw on bad values:
 * the build validates the whole service afterwards and reports every problem with the service's name.
 * A nested declaration whose lambda throws an {@link IllegalArgumentException} (e.g. a malformed
 * duration) is reported with the element's name, and declaring goes on; a dependency, alert or panel
 * declared that way is left out.
 *
 * <pre>{@code
 * sre.service("checkout", s -> s
 *     .tier(Tier.CRITICAL)
 *     .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
 *     .signals(Micrometer.httpServer())
 *     .saturation(Jvm.heapUsed(), Jvm.cpu())
 *     .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
 *     .slo(Slo.availability(99.9))
 *     .alert("CheckoutHighErrorRate", a -> a
 *         .when(errorRatio().over("5m").above(0.05))
 *         .lasting("5m")
 *         .severity(Severity.PAGE)
 *         .summary("Checkout fails more than 5% of requests.")));
 * }</pre>
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
  private String missingDataAlertsOff;
  private Duration targetsDownFor;
  private final List<AlertBuilder> alerts = new ArrayList<>();
  private final List<Waiver> waivers = new ArrayList<>();
  private final List<RiskAcknowledgement> acknowledgements = new ArrayList<>();
  private final List<CustomPanel> panels = new ArrayList<>();
  private String deployments;
  private int declaredDependencies;

  private static final String NULL_SIGNAL = "a signal is null; pass a preset such as Jvm.heapUsed() or Signal.custom(...)";

  ServiceBuilder(String name, Scope scope) {
    this.name = name;
    this.scope = scope;
  }

  /**
   * One sentence on what the service does, for the dashboard, the runbook and the catalog.
   *
   * @param text optional; when given it must not be blank
   * @return this builder
   */
  public ServiceBuilder description(String text) {
    this.description = text;
    return this;
  }

  /**
   * How much the business depends on the service. Required: a service without a tier fails
   * validation. A {@code CRITICAL} service must declare an SLO to pass the coverage gate's
   * {@code SLO} counter.
   *
   * @param serviceTier {@code CRITICAL}, {@code HIGH} or {@code LOW}
   * @return this builder
   */
  public ServiceBuilder tier(Tier serviceTier) {
    this.tier = serviceTier;
    return this;
  }

  /**
   * Who owns the service: team, on-call rotation, escalation and chat channel; see
   * {@link OwnershipBuilder}. A second call replaces the first.
   *
   * @param spec declares the ownership, e.g. {@code o -> o.team("payments").onCall("payments-primary")};
   *     {@code null} is reported as a problem
   * @return this builder
   */
  public ServiceBuilder owner(Consumer<OwnershipBuilder> spec) {
    OwnershipBuilder builder = new OwnershipBuilder();
    scope.nested("owner").run(builder, spec);
    this.owner = builder.build();
    return this;
  }

  /**
   * Label matchers that select this service's series among all in Prometheus. Without it, the
   * service is selected by {@code job="<service name>"}, the job name of its scrape configuration.
   * The matchers are added to every preset query (request metrics, saturation and dependency
   * presets), not to hand-written PromQL. A second call replaces the matchers of the first.
   *
   * <p>Validation rejects an invalid label name, an empty {@code =""} value (which would select
   * series without the label), a regex that Prometheus' RE2 does not accept, and a label that a preset
   * matches itself (the histogram's {@code le}, the failed-requests label such as {@code outcome}, a
   * pool's {@code pool}).
   *
   * @param matchers the matchers, e.g. {@code LabelMatcher.eq("namespace", "shop")}; a {@code null}
   *     matcher is reported as a problem
   * @return this builder
   */
  public ServiceBuilder selector(LabelMatcher... matchers) {
    List<LabelMatcher> given = new ArrayList<>();
    scope.addNonNull(given, java.util.Arrays.asList(matchers), "selector holds a null matcher; remove it");
    this.selector = given;
    return this;
  }

  /**
   * Shorthand for {@code selector(LabelMatcher.eq(label, value))}, e.g. {@code .selector("job", "checkout")}.
   *
   * @param label a Prometheus label name
   * @param value the value the service's series carry, not empty
   * @return this builder
   */
  public ServiceBuilder selector(String label, String value) {
    return selector(LabelMatcher.eq(label, value));
  }

  /**
   * The request metrics that give traffic, errors and latency, e.g. {@code Micrometer.httpServer()}
   * or {@code OpenTelemetry.httpServer()}. From them the rules record the request and error rates, the
   * error ratio and, with histogram buckets, the latency quantiles (e.g.
   * {@code service:http_server_requests:rate5m}); SLOs and the error-ratio, latency and traffic
   * conditions measure them. One preset per service: a second call is reported as a problem.
   *
   * @param requestMetrics the preset
   * @return this builder
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

  /**
   * Saturation signals, e.g. {@code Jvm.heapUsed()}, {@code Hikari.pool("orders")}. Each is bound to
   * the service's selector, recorded as {@code service:<signal id>:<kind>} (e.g.
   * {@code service:jvm_heap:saturation}), drawn in the dashboard's Golden signals row and can be named
   * in {@code Conditions.signal(...)}. May be called several times; signal ids must be unique within
   * the service.
   *
   * @param presets one or more presets; a {@code null} one is reported as a problem
   * @return this builder
   */
  public ServiceBuilder saturation(SignalPreset... presets) {
    scope.addNonNull(signals, java.util.Arrays.asList(presets), NULL_SIGNAL);
    return this;
  }

  /**
   * A signal of any kind written by hand, e.g. {@code Signal.custom(SignalKind.TRAFFIC, ...)}. Its
   * PromQL is used as written (the service's selector is not added) and parsed at build time; it must
   * give an instant vector or a scalar. Recorded and drawn like a preset signal.
   *
   * <pre>{@code
   * .signal(Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total{job=\"checkout\"}[5m]))"))
   * }</pre>
   *
   * @param custom the signal; {@code null} is reported as a problem
   * @return this builder
   */
  public ServiceBuilder signal(Signal custom) {
    if (custom == null) {
      scope.report(NULL_SIGNAL);
    } else {
      signals.add(SignalPreset.of(custom));
    }
    return this;
  }

  /**
   * Declares something the service cannot work without and the signal that tells whether it is
   * healthy; see {@link DependencyBuilder}. May be called several times.
   *
   * @param spec declares the dependency, e.g.
   *     {@code d -> d.database("orders-db").via(Hikari.pool("orders"))}; {@code null} is reported as a
   *     problem
   * @return this builder
   */
  public ServiceBuilder dependency(Consumer<DependencyBuilder> spec) {
    DependencyBuilder builder = new DependencyBuilder();
    declaredDependencies++;
    if (scope.nested("dependency #" + declaredDependencies).run(builder, spec)) {
      dependencies.add(builder);
    }
    return this;
  }

  /**
   * Adds a service level objective over the service's request metrics, which must be declared. Each
   * SLO gets its error-ratio recordings ({@code slo:sli_error:ratio_rate5m} ...) and the multi-window
   * burn-rate alerts {@code <Service><Slo>ErrorBudgetFastBurn} (severity {@code critical}) and
   * {@code <Service><Slo>ErrorBudgetSlowBurn} ({@code warning}). May be called several times; SLO names
   * must be unique, so a second SLO of the same kind needs {@code .named(...)}.
   *
   * <pre>{@code
   * .slo(Slo.availability(99.9))
   * .slo(Slo.latency(Duration.ofMillis(300)).percent(99.0).over(Duration.ofDays(28)))
   * }</pre>
   *
   * @param objective the SLO; {@code null} is reported as a problem
   * @return this builder
   */
  public ServiceBuilder slo(Slo objective) {
    if (objective == null) {
      scope.report("an slo is null; pass Slo.availability(...) or Slo.latency(...)");
    } else {
      slos.add(objective);
    }
    return this;
  }

  /**
   * Declares an alert; see {@link AlertBuilder}. A service may declare at most 1,000 alerts.
   *
   * @param alertName CamelCase ASCII letters and digits, starting with an upper-case letter, at most 100
   *     characters, e.g. {@code CheckoutHighErrorRate}; unique within the service and not the name of a
   *     generated burn-rate alert
   * @param spec declares the alert; {@code null} is reported as a problem
   * @return this builder
   */
  public ServiceBuilder alert(String alertName, Consumer<AlertBuilder> spec) {
    Scope alertScope = scope.nested("alert " + Problem.quoteName(alertName));
    AlertBuilder builder = new AlertBuilder(alertName, alertScope);
    if (alertScope.run(builder, spec)) {
      alerts.add(builder);
      if (builder.riskAcknowledged() != null) {
        acknowledgements.add(new RiskAcknowledgement(alertName, builder.riskAcknowledged()));
      }
    }
    return this;
  }

  /**
   * Adds a panel with hand-written PromQL to the Custom row of the service's dashboard; see
   * {@link PanelBuilder}. May be called several times.
   *
   * @param spec declares the panel; {@code null} is reported as a problem
   * @return this builder
   */
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
   *
   * @param promql the query, used as written; optional, but when given it must not be blank and must
   *     parse once Grafana's variables are substituted
   * @return this builder
   */
  public ServiceBuilder deployments(String promql) {
    this.deployments = promql;
    return this;
  }

  /**
   * Counts a coverage item of this service as covered until {@code expires}, e.g. an SLO still being
   * agreed with the business. Reports list it as waived; once expired, it fails the gate. A waiver of
   * {@code RUNBOOK} or {@code ALERT_HYGIENE} here covers every alert of the service; to waive one
   * alert, use {@code AlertBuilder.waive(...)}.
   *
   * <pre>{@code
   * .waive(CoverageCounter.SLO, "Objective agreed with product in Q1.", LocalDate.of(2027, 3, 31))
   * }</pre>
   *
   * @param counter the coverage counter waived; required
   * @param reason why, for the reviewer; required, not blank
   * @param expires the last day the waiver holds, inclusive; required
   * @return this builder
   */
  public ServiceBuilder waive(CoverageCounter counter, String reason, LocalDate expires) {
    // A waiver with missing parts is kept: validation names what is missing.
    waivers.add(new Waiver(counter, reason, expires));
    return this;
  }

  /**
   * Acknowledges a change that reduces protection, so that {@code sre:diff}'s risk rules do not fail the
   * build on it: the plan lists it among the risks with this reason. Use it for an alert that is removed
   * (an alert still declared can say so itself, {@code AlertBuilder.acknowledgeRisk}), an SLO that is
   * lowered or removed, or {@code "ownership"} for a change of team, on-call, escalation or hours.
   * Remove it once the change is merged: the next plan lists it as acknowledging nothing.
   *
   * <pre>{@code
   * .acknowledgeRisk("CheckoutLegacyErrors", "Replaced by the availability SLO's burn-rate alerts.")
   * }</pre>
   *
   * @param element an alert's name, an SLO's name, or {@code "ownership"}; required
   * @param reason why the change is safe, for the reviewer; required, not blank
   * @return this builder
   */
  public ServiceBuilder acknowledgeRisk(String element, String reason) {
    // Kept even when incomplete: validation names what is missing.
    acknowledgements.add(new RiskAcknowledgement(element, reason));
    return this;
  }

  /**
   * Switches the service's missing-data alerts off ({@code <Service>MetricsMissing},
   * {@code <Service>TargetsDown}), e.g. for a batch service whose series exist only while it runs.
   * The coverage report lists the service and the reason.
   *
   * <pre>{@code
   * .withoutMissingDataAlerts("Runs hourly; its series vanish between runs.")
   * }</pre>
   *
   * @param reason why, for the reviewer; required, not blank
   * @return this builder
   */
  public ServiceBuilder withoutMissingDataAlerts(String reason) {
    // A null reason is kept as blank so that validation names it instead of the alerts staying on.
    this.missingDataAlertsOff = reason == null ? "" : reason;
    return this;
  }

  /**
   * How long at least half of the service's scrape targets must be down before
   * {@code <Service>TargetsDown} fires; default 5 minutes. Shorter suits a service scraped every few
   * seconds whose restarts are quick.
   *
   * @param wait from 10 seconds to 1 hour, a whole number of seconds
   * @return this builder
   */
  public ServiceBuilder targetsDownAfter(Duration wait) {
    this.targetsDownFor = wait;
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
        waivers,
        missingDataAlertsOff,
        targetsDownFor,
        acknowledgements);
  }

}
