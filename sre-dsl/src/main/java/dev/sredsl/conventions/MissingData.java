package dev.sredsl.conventions;

import dev.sredsl.model.Alert;
import dev.sredsl.model.Condition;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.Slo;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.SloKind;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.model.Tier;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import dev.sredsl.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which series the paging alerts of a service read, and which of them a missing-data alert can
 * watch: read by the Prometheus generator, which writes the watches, and by the coverage report,
 * which says for each paging alert whether its inputs are watched.
 *
 * <p>An input is watched by its metric name and the service's selector only: the other matchers of
 * an alert's query (the failed-requests label, a route) select series that may rightly be absent,
 * e.g. when nothing fails. The one exception is the histogram bucket a latency SLO counts as good: its
 * bound is kept, because a histogram without that bound is exactly what must not stay silent. An input
 * the selector does not narrow (a query on another job, a recorded series) cannot be watched for the
 * service, and is reported as such.
 */
public final class MissingData {

  /** How long no sample of an input may arrive before the alert's {@code for} starts. */
  public static final Duration ABSENT_WINDOW = Duration.ofMinutes(10);
  /** How long the metrics must stay missing before the alert fires: rides out a rollout. */
  public static final Duration METRICS_MISSING_FOR = Duration.ofMinutes(5);
  /** How long most targets must stay down before the alert fires: a few failed scrapes are normal. */
  public static final Duration TARGETS_DOWN_FOR = Duration.ofMinutes(5);
  /** The share of the service's targets up at or below which the targets-down alert fires. */
  public static final double TARGETS_UP_AT_MOST = 0.5;

  private MissingData() {}

  /** A paging alert and what becomes of its inputs. */
  public record PagingAlert(String name, List<VectorSelector> watched, List<String> unwatched) {
    /** Whether the missing-data alert watches every input of the alert. */
    public boolean covered() {
      return unwatched.isEmpty();
    }
  }

  /** How long most targets must be down before the alert fires: the service's own wait, or the default. */
  public static Duration targetsDownFor(Service service) {
    return service.targetsDownFor() != null ? service.targetsDownFor() : TARGETS_DOWN_FOR;
  }

  /** Whether the service gets missing-data alerts: on unless turned off with a reason. */
  public static boolean enabled(Service service) {
    return service.missingDataAlertsOff() == null;
  }

  /** Missing data pages for the tiers whose own alerts page; a low-tier service gets a ticket. */
  public static Severity severity(Service service) {
    return service.tier() == Tier.LOW ? Severity.TICKET : Severity.PAGE;
  }

  /**
   * Every input of the service's paging alerts that can be watched, each once, in the order first
   * read: what the metrics-missing alert watches.
   */
  public static List<VectorSelector> watched(Service service) {
    Set<VectorSelector> all = new LinkedHashSet<>();
    pagingAlerts(service).forEach(a -> all.addAll(a.watched()));
    return List.copyOf(all);
  }

  /** Whether the service's targets can be watched: it reads series it exports itself. */
  public static boolean hasTargets(Service service) {
    return service.requests() != null || !service.signals().isEmpty();
  }

  /** The paging alerts, burn-rate alerts first, each with its inputs sorted into watched and not. */
  public static List<PagingAlert> pagingAlerts(Service service) {
    List<PagingAlert> alerts = new ArrayList<>();
    for (Slo slo : service.slos()) {
      if (slo.pageAlerts()) {
        alerts.add(sloAlert(service, slo));
      }
    }
    for (Alert alert : service.alerts()) {
      if (alert.severity() == Severity.PAGE) {
        alerts.add(declared(service, alert));
      }
    }
    return alerts;
  }

  private static PagingAlert sloAlert(Service service, Slo slo) {
    if (slo.kind() == SloKind.EVENTS) {
      // All events are what the SLO needs data for; without them every ratio is empty.
      List<VectorSelector> watched = new ArrayList<>();
      List<String> unwatched = new ArrayList<>();
      if (slo.events().isRatio()) {
        inputsOf(service, slo.events().errorRatio().expand(PromDuration.format(BurnRates.BASE_WINDOW)), watched,
            unwatched);
      } else if (slo.events().total() instanceof EventCount.Counter counter) {
        watched.add(counter.selector(service.selector()));
      } else if (slo.events().total() instanceof EventCount.Query query) {
        inputsOf(service, query.expand(PromDuration.format(BurnRates.BASE_WINDOW)), watched, unwatched);
      }
      return new PagingAlert(AlertNames.fastBurnAlert(service, slo), watched, unwatched);
    }
    RequestMetrics r = service.requests();
    List<VectorSelector> watched = new ArrayList<>();
    watched.add(watch(service, r.countMetric(), List.of()));
    if (slo.kind() == SloKind.LATENCY) {
      watched.add(watch(service, r.bucketMetric(), List.of(LatencyBuckets.bound(slo.latencyThreshold()))));
    }
    return new PagingAlert(AlertNames.fastBurnAlert(service, slo), watched, List.of());
  }

  private static PagingAlert declared(Service service, Alert alert) {
    List<VectorSelector> watched = new ArrayList<>();
    List<String> unwatched = new ArrayList<>();
    Condition c = alert.condition();
    RequestMetrics r = service.requests();
    if (c instanceof Condition.ErrorRatio || c instanceof Condition.Traffic) {
      watched.add(watch(service, r.countMetric(), List.of()));
    } else if (c instanceof Condition.LatencyQuantile) {
      watched.add(watch(service, r.bucketMetric(), List.of()));
    } else if (c instanceof Condition.SignalThreshold s) {
      Optional<Signal> signal = service.signal(s.signal());
      signal.ifPresent(sig -> inputsOf(service, sig.expression(), watched, unwatched));
    } else if (c instanceof Condition.Raw raw) {
      inputsOf(service, raw.expression(), watched, unwatched);
    }
    return new PagingAlert(alert.name(), watched, unwatched);
  }

  private static void inputsOf(Service service, String expression, List<VectorSelector> watched,
      List<String> unwatched) {
    List<VectorSelector> selectors = new ArrayList<>();
    try {
      ExprTree.walk(PromQL.parse(expression), node -> {
        if (node instanceof VectorSelector v) {
          selectors.add(v);
        }
      });
    } catch (PromQLException e) {
      return; // validation reports the expression
    }
    for (VectorSelector v : selectors) {
      String name = v.metricName();
      if (name == null) {
        unwatched.add(v + " (no metric name to watch)");
      } else if (name.contains(":")) {
        unwatched.add(v + " (a recorded series: watch the inputs of its rule)");
      } else if (!v.matchers().containsAll(service.selector())) {
        unwatched.add(v + " (not narrowed by the service's selector " + selectorText(service) + ")");
      } else {
        VectorSelector w = watch(service, name, List.of());
        if (!watched.contains(w)) {
          watched.add(w);
        }
      }
    }
  }

  private static VectorSelector watch(Service service, String metric, List<LabelMatcher> extra) {
    List<LabelMatcher> matchers = new ArrayList<>(service.selector());
    matchers.addAll(extra);
    return new VectorSelector(metric, matchers, null, null);
  }


  private static String selectorText(Service service) {
    TreeMap<String, String> shown = new TreeMap<>();
    service.selector().forEach(m -> shown.put(m.name(), m.toString()));
    return "{" + String.join(", ", shown.values()) + "}";
  }
}
