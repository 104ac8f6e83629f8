package dev.sredsl.generate.prometheus;

import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.call;
import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.mul;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.or;
import static dev.sredsl.promql.PromQL.rate;
import static dev.sredsl.promql.PromQL.sub;
import static dev.sredsl.promql.PromQL.sum;

import dev.sredsl.model.EventCount;
import dev.sredsl.model.EventSli;
import dev.sredsl.model.Service;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.promql.PromQL;
import java.time.Duration;

/**
 * The events of an event SLO as PromQL over one window, each count summed into one series: all events
 * per second, bad events per second (given, or all less the good ones), and what they make, the error
 * ratio and the bad events in a window. A query counts what {@code rate} counts: events per second.
 */
final class EventRates {

  private EventRates() {}

  /** Events per second over {@code window}, one series. */
  static Expr rateOf(EventCount count, Service service, Duration window) {
    if (count instanceof EventCount.Counter counter) {
      return sum(rate(counter.selector(service.selector()), window));
    }
    return sum(PromQL.parse(((EventCount.Query) count).expand(PromDuration.format(window))));
  }

  static Expr total(Service service, EventSli sli, Duration window) {
    return rateOf(sli.total(), service, window);
  }

  /**
   * Bad events per second over {@code window}. Counted bad events that have no series yet count 0
   * where events exist; good events count against all events and give no data without them, as a
   * missing histogram bucket does: a healthy service must not read as all bad.
   */
  static Expr bad(Service service, EventSli sli, Duration window) {
    if (sli.bad() != null) {
      return or(rateOf(sli.bad(), service, window), mul(total(service, sli, window), number(0)));
    }
    return sub(total(service, sli, window), rateOf(sli.good(), service, window));
  }

  /** Share of the events that were bad over {@code window}, read from the raw series or given by the ratio query. */
  static Expr errorRatio(Service service, EventSli sli, Duration window) {
    if (sli.isRatio()) {
      return PromQL.parse(sli.errorRatio().expand(PromDuration.format(window)));
    }
    if (sli.bad() != null) {
      return div(binary(BinaryOp.OR, rateOf(sli.bad(), service, window), call("vector", number(0))),
          total(service, sli, window));
    }
    return sub(number(1), div(rateOf(sli.good(), service, window), total(service, sli, window)));
  }

  /** Bad events over {@code window}: the bad rate times the window, as {@code increase} is. */
  static Expr badEvents(Service service, EventSli sli, Duration window) {
    Expr rate = sli.bad() != null
        ? binary(BinaryOp.OR, rateOf(sli.bad(), service, window), call("vector", number(0)))
        : sub(total(service, sli, window), rateOf(sli.good(), service, window));
    return mul(rate, number(window.toSeconds()));
  }
}
