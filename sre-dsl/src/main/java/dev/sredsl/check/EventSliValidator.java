package dev.sredsl.check;

import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.EventSli;
import dev.sredsl.model.Slo;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.PromqlStrings;
import java.time.Duration;
import java.util.TreeSet;

/**
 * The events of an event SLO: bad or good events, and all events, each a counter with valid matchers or
 * a query with the window placeholder that is valid PromQL for every window the rules expand it to.
 */
final class EventSliValidator {

  void validate(Slo slo, boolean windowsKnown, Checks checks) {
    EventSli sli = slo.events();
    if (sli != null && sli.isRatio()) {
      if (sli.bad() != null || sli.good() != null || sli.total() != null) {
        checks.report("gives both an error ratio and counted events; keep one: the ratio query, or bad (or good)"
            + " and all events");
      }
      query("error ratio", sli.errorRatio(), slo, windowsKnown, checks);
      return;
    }
    if (sli == null || (sli.bad() == null && sli.good() == null)) {
      checks.report("events are missing; say which events are bad, e.g. .bad(EventCount.counter(\"jobs_total\")"
          + ".where(\"result\", \"failed\")), or which are good with .good(...)");
    } else if (sli.bad() != null && sli.good() != null) {
      checks.report("gives both bad and good events; keep one: bad events are all events less the good ones");
    }
    if (sli == null || sli.total() == null) {
      checks.report("all events are missing; give them with .total(EventCount.counter(\"jobs_total\"))");
    }
    if (sli == null) {
      return;
    }
    count("bad events", sli.bad(), slo, windowsKnown, checks);
    count("good events", sli.good(), slo, windowsKnown, checks);
    count("all events", sli.total(), slo, windowsKnown, checks);
  }

  private static void count(String what, EventCount count, Slo slo, boolean windowsKnown, Checks checks) {
    if (count instanceof EventCount.Counter counter) {
      if (!PromqlStrings.isMetricName(counter.metric())) {
        checks.report(what + ": counter name " + (counter.metric() == null ? "is missing" : "'" + counter.metric()
            + "' is not a metric name") + "; use letters, digits, '_' and ':', e.g. jobs_total");
      }
      DefinitionValidator.matchers(what + " matcher", counter.matchers(), checks);
    } else if (count instanceof EventCount.Query query) {
      query(what, query, slo, windowsKnown, checks);
    }
  }

  /**
   * The query is expanded for the base window and every window the SLO's rules read: each expansion
   * must parse and give an instant vector, so that no window's rule is the first to find it wrong.
   */
  private static void query(String what, EventCount.Query query, Slo slo, boolean windowsKnown, Checks checks) {
    if (query.template() == null || query.template().isBlank()) {
      checks.report(what + ": the query is missing; write PromQL with " + EventCount.WINDOW + ", e.g. sum(rate("
          + "jobs_total{result=\"failed\"}[" + EventCount.WINDOW + "]))");
      return;
    }
    if (!query.template().contains(EventCount.WINDOW)) {
      checks.report(what + ": the query has no " + EventCount.WINDOW + "; put it where the window goes, e.g."
          + " rate(jobs_total[" + EventCount.WINDOW + "]), or the windows of the SLO would all read the same range");
      return;
    }
    TreeSet<Duration> windows = new TreeSet<>();
    windows.add(BurnRates.BASE_WINDOW);
    if (windowsKnown) {
      windows.addAll(BurnRates.recordedWindows(slo));
      windows.addAll(BurnRates.guardedWindows(slo));
    }
    for (Duration window : windows) {
      int before = checks.problemCount();
      checks.promql(what + " query for window " + PromDuration.format(window),
          query.expand(PromDuration.format(window)));
      if (checks.problemCount() > before) {
        return; // one window's problem says it for all
      }
    }
  }
}
