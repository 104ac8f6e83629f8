package dev.sredsl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an SLO's two burn-rate alerts are named and what they carry beyond what the build gives every
 * alert: labels and annotations of both, and of each. Teams coming from Sloth keep their alert names,
 * labels and annotations this way:
 *
 * <pre>{@code
 * Slo.availability(99.9).alerting(SloAlerting.named("MyServiceHighErrorRate", "MyServiceHighErrorRateTicket")
 *     .label("category", "availability")
 *     .pageLabel("routing_key", "myteam"))
 * }</pre>
 *
 * <p>The build's own labels ({@code severity}, {@code team}, {@code service}, {@code slo}) cannot be
 * set here: routes match on them. An annotation given here replaces the generated one of that name
 * ({@code summary}, {@code description}), except the links ({@code runbook_url}, {@code dashboard_url}),
 * which always point at the generated runbook and dashboard.
 *
 * @param pageName the page alert's name, or {@code null} for {@code <Service><Slo>ErrorBudgetFastBurn}
 * @param ticketName the ticket alert's name, or {@code null} for {@code <Service><Slo>ErrorBudgetSlowBurn}
 * @param labels labels of both alerts, in declaration order
 * @param annotations annotations of both alerts
 * @param pageLabels labels of the page alert only; they win over {@code labels}
 * @param pageAnnotations annotations of the page alert only; they win over {@code annotations}
 * @param ticketLabels labels of the ticket alert only
 * @param ticketAnnotations annotations of the ticket alert only
 */
public record SloAlerting(
    String pageName,
    String ticketName,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, String> pageLabels,
    Map<String, String> pageAnnotations,
    Map<String, String> ticketLabels,
    Map<String, String> ticketAnnotations) {

  /** The build's names and nothing added: what an SLO has unless it says otherwise. */
  public static final SloAlerting CONVENTIONAL = new SloAlerting(null, null, Map.of(), Map.of(), Map.of(), Map.of(),
      Map.of(), Map.of());

  public SloAlerting {
    labels = copy(labels);
    annotations = copy(annotations);
    pageLabels = copy(pageLabels);
    pageAnnotations = copy(pageAnnotations);
    ticketLabels = copy(ticketLabels);
    ticketAnnotations = copy(ticketAnnotations);
  }

  /**
   * The burn-rate alerts under names of the team's choosing.
   *
   * @param page the page alert's name, e.g. {@code MyServiceHighErrorRate}
   * @param ticket the ticket alert's name; it must differ from the page alert's, as every alert of a
   *     service has its own runbook section, generated tests and plan entry
   * @return alerting settings with those names
   */
  public static SloAlerting named(String page, String ticket) {
    return CONVENTIONAL.withNames(page, ticket);
  }

  /** The build's names, with labels or annotations to add. */
  public static SloAlerting conventional() {
    return CONVENTIONAL;
  }

  SloAlerting withNames(String page, String ticket) {
    return new SloAlerting(page, ticket, labels, annotations, pageLabels, pageAnnotations, ticketLabels,
        ticketAnnotations);
  }

  /** A label of both alerts, e.g. {@code label("category", "availability")}. */
  public SloAlerting label(String name, String value) {
    return new SloAlerting(pageName, ticketName, put(labels, name, value), annotations, pageLabels, pageAnnotations,
        ticketLabels, ticketAnnotations);
  }

  /** An annotation of both alerts; {@code summary} and {@code description} replace the generated text. */
  public SloAlerting annotation(String name, String value) {
    return new SloAlerting(pageName, ticketName, labels, put(annotations, name, value), pageLabels, pageAnnotations,
        ticketLabels, ticketAnnotations);
  }

  /** A label of the page alert only. */
  public SloAlerting pageLabel(String name, String value) {
    return new SloAlerting(pageName, ticketName, labels, annotations, put(pageLabels, name, value), pageAnnotations,
        ticketLabels, ticketAnnotations);
  }

  /** An annotation of the page alert only. */
  public SloAlerting pageAnnotation(String name, String value) {
    return new SloAlerting(pageName, ticketName, labels, annotations, pageLabels, put(pageAnnotations, name, value),
        ticketLabels, ticketAnnotations);
  }

  /** A label of the ticket alert only. */
  public SloAlerting ticketLabel(String name, String value) {
    return new SloAlerting(pageName, ticketName, labels, annotations, pageLabels, pageAnnotations,
        put(ticketLabels, name, value), ticketAnnotations);
  }

  /** An annotation of the ticket alert only. */
  public SloAlerting ticketAnnotation(String name, String value) {
    return new SloAlerting(pageName, ticketName, labels, annotations, pageLabels, pageAnnotations, ticketLabels,
        put(ticketAnnotations, name, value));
  }

  /** The labels of one tier's alert: both alerts' labels, then the tier's own over them. */
  public Map<String, String> labelsOf(Severity severity) {
    return merged(labels, severity == Severity.PAGE ? pageLabels : ticketLabels);
  }

  /** The annotations of one tier's alert: both alerts' annotations, then the tier's own over them. */
  public Map<String, String> annotationsOf(Severity severity) {
    return merged(annotations, severity == Severity.PAGE ? pageAnnotations : ticketAnnotations);
  }

  private static Map<String, String> merged(Map<String, String> shared, Map<String, String> own) {
    Map<String, String> all = new LinkedHashMap<>(shared);
    all.putAll(own);
    return Collections.unmodifiableMap(all);
  }

  private static Map<String, String> put(Map<String, String> map, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(name, value);
    return copy;
  }

  // LinkedHashMap keeps declaration order and, unlike Map.copyOf, a null that validation reports.
  private static Map<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
