package dev.sredsl.check;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.problem.ElementProblems;
import dev.sredsl.problem.Problem;
import dev.sredsl.model.Dependency;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Signal;
import dev.sredsl.model.Waiver;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromqlStrings;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds what is wrong in declared services: every problem, not only the first. A definition that
 * passes can be generated; whether it is complete is the coverage gate's question, not this one's.
 */
public final class DefinitionValidator {

  private final AlertValidator alerts = new AlertValidator();
  private final SloValidator slos = new SloValidator();
  private final LatencyBucketValidator latencyBuckets = new LatencyBucketValidator();

  /**
   * More alerts than this is a generator loop gone wrong, not a service: every alert is a rule
   * Prometheus evaluates in one group, a section of the runbook and a route someone answers.
   */
  static final int MAX_ALERTS = 1_000;

  /** Problems of all services, in service order, each service's in declaration order. */
  public List<Problem> validate(List<Service> services) {
    return validate(services, java.util.Set.of());
  }

  /**
   * Problems of all services, where the services named in {@code importedOnly} (declared by YAML specs
   * alone) may lack a tier: the coverage gate reports it for them.
   */
  public List<Problem> validate(List<Service> services, java.util.Set<String> importedOnly) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Service> firstOfEachTeam = WorkingHoursCheck.firstOfEachTeam(services);
    for (Service service : services) {
      validate(service, new Checks(new ElementProblems(service.name(), null, problems)), firstOfEachTeam,
          service.name() != null && importedOnly.contains(service.name()));
    }
    return problems;
  }

  /** @param firstOfEachTeam the service of each team whose working hours the team's others must repeat */
  private void validate(Service service, Checks checks, Map<String, Service> firstOfEachTeam, boolean tierOptional) {
    String nameProblem = Names.idProblem("service name", service.name(), "checkout");
    checks.reportIfNotNull(nameProblem);
    checks.optionalText("description", service.description());
    if (service.tier() == null && !tierOptional) {
      checks.report("tier is missing; add .tier(Tier.CRITICAL), .tier(Tier.HIGH) or .tier(Tier.LOW)");
    }
    ownership(service.owner(), checks.element("owner"));
    WorkingHoursCheck.sameAsTeam(service, firstOfEachTeam, checks.element("owner"));
    // Preset queries embed the selector: with a broken selector they are broken too, and saying so
    // again for every signal would only bury the one line that matters.
    // The default selector job="<name>" is as wrong as the name; the name's problem says it all.
    boolean selectorFromBadName = nameProblem != null
        && service.selector().equals(List.of(LabelMatcher.eq("job", service.name() == null ? "" : service.name())));
    boolean selectorValid = !selectorFromBadName && matchers("selector", service.selector(), checks);
    service.requestMetrics().ifPresent(r -> {
      Checks requestChecks = checks.element("request metrics " + r.source());
      requestMetrics(r, service.selector(), requestChecks);
      latencyBuckets.bounds(r, requestChecks);
    });
    if (selectorValid) {
      selectorClashes(service, checks);
    }

    List<Signal> allSignals = Stream.concat(
        service.signals().stream(),
        service.dependencies().stream().map(Dependency::health).filter(h -> h != null)).toList();
    checks.unique("signal", allSignals, Signal::name, true);
    for (Signal signal : service.signals()) {
      signal(signal, selectorValid, checks.element("signal " + Problem.quoteName(signal.name())));
    }
    checks.unique("dependency", service.dependencies(), Dependency::name);
    for (Dependency dependency : service.dependencies()) {
      dependency(dependency, selectorValid, checks.element("dependency " + Problem.quoteName(dependency.name())));
    }
    checks.unique("slo", service.slos(), s -> s == null ? null : s.name());
    service.slos().forEach(slo -> {
      slos.validate(service, slo, checks);
      latencyBuckets.validate(service, slo, checks);
    });
    checks.unique("alert", service.alerts(), a -> a.name());
    if (service.alerts().size() > MAX_ALERTS) {
      checks.report("declares " + service.alerts().size() + " alerts, more than the " + MAX_ALERTS + " a service may"
          + " have; one team cannot act on that many, so split the service, or turn alerts that differ by a value"
          + " into one whose PromQL groups by a label, e.g. sum by (queue) (...)");
    }
    generatedAlertNames(service, checks);
    service.alerts().forEach(alert -> alerts.validate(service, alert, checks));
    service.waivers().forEach(w -> waiver(w, checks.element("waiver")));
    for (var acknowledgement : service.riskAcknowledgements()) {
      Checks at = checks.element("risk acknowledgement"
          + (acknowledgement.element() == null ? "" : " of " + acknowledgement.element()));
      at.requiredText("element", acknowledgement.element(),
          "name the alert, the SLO or \"ownership\" whose risky change it acknowledges");
      at.requiredText("reason", acknowledgement.reason(), "say why the change is safe, for the reviewer");
    }
    for (int i = 0; i < service.panels().size(); i++) {
      panel(service.panels().get(i), checks.element("panel #" + (i + 1)));
    }
    checks.optionalText("deployments query", service.deployments());
  }

  /**
   * Burn-rate alerts are generated for every SLO, missing-data alerts for the service; a declared
   * alert must not take their names.
   */
  private static void generatedAlertNames(Service service, Checks checks) {
    if (service.name() == null) {
      return;
    }
    if (service.missingDataAlertsOff() != null) {
      checks.requiredText("reason for switching the missing-data alerts off", service.missingDataAlertsOff(),
          "say why the service needs none, e.g. .withoutMissingDataAlerts(\"Runs hourly; its series vanish between runs.\")");
    } else {
      if (service.targetsDownFor() != null) {
        checks.duration("targets-down wait", service.targetsDownFor(), Duration.ofSeconds(1), Duration.ofHours(1),
            "give a wait such as .targetsDownAfter(Duration.ofMinutes(5))");
        if (service.targetsDownFor().compareTo(Duration.ofSeconds(10)) < 0 && !service.targetsDownFor().isNegative() && !service.targetsDownFor().isZero()) {
          checks.report("targets-down wait must be at least 10s, was " + Checks.show(service.targetsDownFor())
              + "; a single failed scrape must not page");
        }
      }
      for (String generated : List.of(AlertNames.metricsMissingAlert(service), AlertNames.targetsDownAlert(service))) {
        if (service.alerts().stream().anyMatch(a -> generated.equals(a.name()))) {
          checks.element("alert " + Problem.quoteName(generated)).report("the name is taken by the missing-data alert"
              + " generated for the service; rename the alert, or switch those off with .withoutMissingDataAlerts(reason)");
        }
      }
    }
    java.util.Map<String, String> sloByAlert = new java.util.HashMap<>();
    for (dev.sredsl.model.Slo slo : service.slos()) {
      if (slo == null || slo.name() == null) {
        continue;
      }
      for (String generated : List.of(AlertNames.fastBurnAlert(service, slo), AlertNames.slowBurnAlert(service, slo),
          AlertNames.budgetExhaustedAlert(service, slo))) {
        if (service.alerts().stream().anyMatch(a -> generated.equals(a.name()))) {
          checks.element("alert " + Problem.quoteName(generated)).report("the name is taken by an alert generated"
              + " for slo " + Problem.quoteName(slo.name()) + "; rename the alert");
        }
        // Names are CamelCased, so 'p99-latency' and 'p99latency' would give two SLOs one alert name.
        String earlier = sloByAlert.putIfAbsent(generated, slo.name());
        if (earlier != null && !earlier.equals(slo.name())) {
          checks.element("slo " + Problem.quoteName(slo.name())).report("its burn-rate alerts and those of slo "
              + Problem.quoteName(earlier) + " would both be named " + generated + "; rename one of the two SLOs");
          break;
        }
      }
    }
  }

  private static void ownership(Ownership owner, Checks checks) {
    checks.optionalText("team", owner.team());
    checks.optionalText("on-call rotation", owner.onCall());
    checks.optionalText("escalation", owner.escalation());
    checks.optionalText("chat channel", owner.chat());
    WorkingHoursCheck.validate(owner, checks);
  }

  /**
   * The service selector is added to every preset query; on a label a preset matches or groups by
   * itself (the histogram's le, the failed-requests label, a pool's name) the query would need two
   * values of one label, and match nothing or the wrong series.
   */
  private static void selectorClashes(Service service, Checks checks) {
    Set<String> selectorLabels = new TreeSet<>();
    service.selector().forEach(m -> selectorLabels.add(m.name()));
    Map<String, String> usedBy = new TreeMap<>();
    service.requestMetrics().ifPresent(r -> {
      if (r.hasHistogram()) {
        usedBy.put("le", "the histogram buckets of " + r.source());
      }
      if (r.serverError() != null) {
        usedBy.putIfAbsent(r.serverError().name(), "the failed requests of " + r.source());
      }
    });
    List<Signal> signals = new ArrayList<>(service.signals());
    service.dependencies().stream().map(Dependency::health).filter(h -> h != null).forEach(signals::add);
    for (Signal signal : signals) {
      Expr expression;
      try {
        expression = PromQL.parse(signal.expression());
      } catch (RuntimeException unparsable) {
        continue; // reported with the signal
      }
      ExprTree.walk(expression, (Expr e) -> {
        if (e instanceof VectorSelector v) {
          Set<String> seen = new HashSet<>();
          v.matchers().stream().map(LabelMatcher::name).filter(n -> !seen.add(n))
              .forEach(n -> usedBy.putIfAbsent(n, "signal " + Problem.quoteName(signal.name())));
        }
      });
    }
    for (String label : selectorLabels) {
      if (usedBy.containsKey(label)) {
        checks.report("selector: label " + Problem.quoteName(label) + " is matched by " + usedBy.get(label) + " as well, so"
            + " the queries would ask one series for two values of it; select the service by another label,"
            + " e.g. .selector(\"job\", \"" + service.name() + "\")");
      }
    }
  }

  /** @return whether every matcher is valid */
  static boolean matchers(String what, List<LabelMatcher> matchers, Checks checks) {
    int before = checks.problemCount();
    for (LabelMatcher m : matchers) {
      if (!PromqlStrings.isLabelName(m.name())) {
        checks.report(what + ": label name " + Problem.quoteName(m.name())
            + " is not valid: use letters, digits and underscores, not starting with a digit");
      }
      if (m.value() == null) {
        checks.report(what + ": label " + Problem.quoteName(m.name()) + " has no value; give one");
        continue;
      }
      checks.unicode(what + ": value of label " + Problem.quoteName(m.name()), m.value());
      if (m.value().isEmpty() && m.type() == dev.sredsl.promql.MatchType.EQUAL) {
        // Prometheus reads label="" as "the label is absent": it would select other jobs' series.
        checks.report(what + ": label " + Problem.quoteName(m.name()) + " is empty, which selects the series that lack the"
            + " label; give the value, e.g. " + m.name() + "=\"checkout\"");
      } else if (m.type().operator().contains("~")) {
        String problem = PromQL.regexProblem(m.value());
        if (problem != null) {
          checks.report(what + ": regular expression " + Problem.quoteName(m.value()) + " of label " + Problem.quoteName(m.name())
              + " is not valid for Prometheus (RE2): " + problem);
        }
      }
    }
    return checks.problemCount() == before;
  }

  /** The preset's own parts; its copy of the service selector is checked with the selector. */
  private static void requestMetrics(RequestMetrics r, List<LabelMatcher> serviceSelector, Checks checks) {
    for (String metric : new String[] {r.countMetric(), r.sumMetric()}) {
      if (!PromqlStrings.isMetricName(metric)) {
        checks.report("metric name " + Problem.quoteName(metric) + " is not valid; use letters, digits, '_' and ':'");
      }
    }
    if (r.bucketMetric() != null && !PromqlStrings.isMetricName(r.bucketMetric())) {
      checks.report("metric name " + Problem.quoteName(r.bucketMetric()) + " is not valid; use letters, digits, '_' and ':'");
    }
    if (r.serverError() == null) {
      checks.report("no matcher selects failed requests; give one, e.g. outcome=\"SERVER_ERROR\"");
    }
    List<LabelMatcher> all = new ArrayList<>(r.filters());
    all.removeAll(serviceSelector);
    if (r.serverError() != null) {
      all.add(r.serverError());
    }
    matchers("matcher", all, checks);
  }

  private static void signal(Signal signal, boolean selectorValid, Checks checks) {
    checks.reportIfNotNull(Names.idProblem("signal name", signal.name(), "queue-depth"));
    if (signal.kind() == null) {
      checks.report("kind is missing; give SignalKind.LATENCY, TRAFFIC, ERRORS or SATURATION");
    }
    checks.requiredText("expression", signal.expression(), "give the PromQL of the signal");
    if (selectorValid) {
      checks.promql("expression", signal.expression());
    }
    checks.requiredText("unit", signal.unit(), "give a Grafana unit such as 'short', 'percentunit' or 's'");
    checks.optionalText("description", signal.description());
  }

  private static void dependency(Dependency dependency, boolean selectorValid, Checks checks) {
    checks.reportIfNotNull(Names.idProblem("dependency name", dependency.name(), "orders-db"));
    if (dependency.kind() == null) {
      checks.report("kind is missing; start with d.database(...), d.cache(...), d.queue(...) or d.http(...)");
    }
    checks.optionalText("description", dependency.description());
    if (dependency.health() == null) {
      checks.report("health signal is missing; add .via(...) with a preset such as Hikari.pool(\"orders\")"
          + " or .health(Signal.custom(...))");
    } else {
      signal(dependency.health(), selectorValid, checks.element("health signal"));
    }
  }

  /** Its PromQL is linted with the whole dashboard, where Grafana's variables are known. */
  private static void panel(dev.sredsl.model.CustomPanel panel, Checks checks) {
    checks.requiredText("title", panel.title(), "give the panel a title");
    checks.requiredText("description", panel.description(), "say what the panel shows and how to read it");
    checks.requiredText("unit", panel.unit(), "give a Grafana unit such as 'short', 'reqps', 'percentunit' or 's'");
    if (panel.queries().isEmpty()) {
      checks.report("the panel has no query; add .query(\"...\")");
    }
    for (String query : panel.queries()) {
      checks.requiredText("query", query, "write the PromQL of the query");
    }
  }

  static void waiver(Waiver waiver, Checks checks) {
    if (waiver.counter() == null) {
      checks.report("counter is missing; name the CoverageCounter the waiver is for");
    }
    checks.requiredText("reason", waiver.reason(), "say why the item is waived, for the reviewer");
    if (waiver.expires() == null) {
      checks.report("expiry date is missing; every waiver ends, e.g. LocalDate.of(2027, 3, 31)");
    }
  }

}
