package dev.sredsl.dsl;

import dev.sredsl.model.Dependency;
import dev.sredsl.model.DependencyKind;
import dev.sredsl.model.Signal;
import dev.sredsl.presets.SignalPreset;
import dev.sredsl.promql.LabelMatcher;
import java.util.List;

/**
 * Declares a dependency and its health signal:
 * {@code d -> d.database("orders-db").via(Hikari.pool("orders"))}.
 *
 * <p>Start with the kind and name ({@code database}, {@code cache}, {@code queue} or {@code http});
 * calling another of them replaces both. Every dependency needs a health signal, from {@link #via} or
 * {@link #health}; the signal is recorded as {@code service:<signal id>:<kind>}, gets a panel in the
 * dashboard's Dependencies row, and can be named in {@code Conditions.signal(...)}. Validation reports
 * a missing kind, name or health signal, and a name used twice in the service.
 *
 * <pre>{@code
 * .dependency(d -> d.http("payments-api").via(Micrometer.httpClient("payments")))
 * .dependency(d -> d.cache("sessions").via(Micrometer.cache("sessions")))
 * }</pre>
 */
public final class DependencyBuilder {

  private String name;
  private DependencyKind kind;
  private String description;
  private SignalPreset health;

  DependencyBuilder() {}

  /**
   * A database the service reads or writes, typically watched through its connection pool.
   *
   * @param dependencyName 1 to 63 lower-case letters, digits and dashes, starting with a letter, unique
   *     among the service's dependencies, e.g. {@code orders-db}
   * @return this builder
   */
  public DependencyBuilder database(String dependencyName) {
    return named(DependencyKind.DATABASE, dependencyName);
  }

  /**
   * A cache in front of slower storage, e.g. watched through {@code Micrometer.cache(name)}.
   *
   * @param dependencyName named as for {@link #database}
   * @return this builder
   */
  public DependencyBuilder cache(String dependencyName) {
    return named(DependencyKind.CACHE, dependencyName);
  }

  /**
   * A message queue or log the service consumes or produces, e.g. watched through
   * {@code Kafka.consumerLag(clientId)}.
   *
   * @param dependencyName named as for {@link #database}
   * @return this builder
   */
  public DependencyBuilder queue(String dependencyName) {
    return named(DependencyKind.QUEUE, dependencyName);
  }

  /**
   * Another HTTP service this one calls, e.g. watched through {@code Micrometer.httpClient(name)}.
   *
   * @param dependencyName named as for {@link #database}
   * @return this builder
   */
  public DependencyBuilder http(String dependencyName) {
    return named(DependencyKind.HTTP, dependencyName);
  }

  /**
   * What the service uses the dependency for, shown in the runbook and on the dependency's panel.
   *
   * @param text optional; when given it must not be blank
   * @return this builder
   */
  public DependencyBuilder description(String text) {
    this.description = text;
    return this;
  }

  /**
   * The health signal, from a preset such as {@code Hikari.pool("orders")}. The preset is bound to the
   * service's selector when the service is built. Replaces an earlier {@code via} or {@code health}.
   *
   * @param healthPreset the preset; {@code null} leaves the dependency without a health signal, which
   *     validation reports
   * @return this builder
   */
  public DependencyBuilder via(SignalPreset healthPreset) {
    this.health = healthPreset;
    return this;
  }

  /**
   * The health signal, written by hand, e.g.
   * {@code Signal.custom(SignalKind.ERRORS, "ledger-errors", "...")}. Its PromQL is used as written:
   * the service's selector is not added, so the expression must select the right series itself. It is
   * parsed at build time. Replaces an earlier {@code via} or {@code health}.
   *
   * @param signal the signal; {@code null} leaves the dependency without a health signal, which
   *     validation reports
   * @return this builder
   */
  public DependencyBuilder health(Signal signal) {
    this.health = signal == null ? null : SignalPreset.of(signal);
    return this;
  }

  private DependencyBuilder named(DependencyKind dependencyKind, String dependencyName) {
    this.kind = dependencyKind;
    this.name = dependencyName;
    return this;
  }

  Dependency build(List<LabelMatcher> serviceSelector) {
    return new Dependency(name, kind, description, health == null ? null : health.bind(serviceSelector));
  }
}
