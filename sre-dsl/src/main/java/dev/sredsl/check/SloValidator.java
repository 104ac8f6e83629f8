package dev.sredsl.check;

import dev.sredsl.problem.Problem;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.SloKind;
import dev.sredsl.promql.PromqlStrings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/** Checks one SLO of a service. */
final class SloValidator {

  /** The slow-burn ticket tier reads 3 days; a period must hold that window more than twice. */
  static final Duration MIN_PERIOD = Duration.ofDays(7);
  static final Duration MAX_PERIOD = Duration.ofDays(365);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final EventSliValidator events = new EventSliValidator();

  void validate(Service service, Slo slo, Checks serviceChecks) {
    Checks checks = serviceChecks.element("slo " + Problem.quoteName(slo.name()));
    checks.reportIfNotNull(Names.idProblem("slo name", slo.name(), "availability"));
    checks.optionalText("description", slo.description());
    int before = checks.problemCount();
    double objective = slo.objectivePercent();
    if (Double.isNaN(objective)) {
      checks.report("objective is missing or not a number; give it in percent, e.g. Slo.availability(99.9) or"
          + " .percent(99.0)");
    } else if (!(objective > 0 && objective < 100)) {
      checks.report("objective must be between 0 and 100 percent, both excluded, e.g. 99.9, was " + objective);
    }
    period(slo.period(), checks);
    if (checks.problemCount() == before) {
      windows(slo, BurnRates.AlertTier.FAST, slo.pageWindows(), checks.element("page condition"));
      windows(slo, BurnRates.AlertTier.SLOW, slo.ticketWindows(), checks.element("ticket condition"));
    }
    if (checks.problemCount() == before) {
      burnRateAlertsCanFire(slo, checks);
    }
    minimumBadEvents(slo, checks);
    alerting(slo, checks);
    if (slo.kind() == SloKind.EVENTS) {
      // The windows a query is expanded to are known once the period and conditions are valid.
      events.validate(slo, checks.problemCount() == before, checks);
    } else if (service.requests() == null) {
      checks.report("no request metrics to measure the SLO; add .signals(Micrometer.httpServer())"
          + " or another request-metrics preset to the service, or count the SLO's own events with"
          + " Slo.events(...)");
    }
    if (slo.kind() == SloKind.LATENCY) {
      checks.duration("latency threshold", slo.latencyThreshold(), Duration.ofMillis(1), Duration.ofMinutes(10),
          "give a histogram bucket boundary such as Duration.ofMillis(300)");
      if (service.requests() != null && !service.requests().hasHistogram()) {
        checks.report("latency SLO needs histogram buckets, and request metrics "
            + service.requests().source() + " have none; use a preset with buckets");
      }
    }
  }

  /**
   * The team's names, labels and annotations of the burn-rate alerts. The two alerts need two names:
   * runbook sections, generated tests and the plan of {@code sre:diff} are each alert's own.
   */
  private static void alerting(Slo slo, Checks sloChecks) {
    SloAlerting alerting = slo.alerting();
    if (alerting == null) {
      sloChecks.report("alerting settings are missing; leave them out or give SloAlerting.conventional()");
      return;
    }
    Checks checks = sloChecks.element("alerting");
    if (alerting.pageName() != null) {
      checks.reportIfNotNull(Names.alertProblem(alerting.pageName()));
    }
    if (alerting.ticketName() != null) {
      checks.reportIfNotNull(Names.alertProblem(alerting.ticketName()));
    }
    if (alerting.pageName() != null && alerting.pageName().equals(alerting.ticketName())) {
      checks.report("the page and the ticket alert are both named " + alerting.pageName() + "; give the ticket"
          + " alert a name of its own, e.g. " + alerting.pageName() + "Ticket");
    }
    AlertValidator.labels(alerting.labels(), checks);
    AlertValidator.labels(alerting.pageLabels(), checks.element("page alert"), "pageLabel");
    AlertValidator.labels(alerting.ticketLabels(), checks.element("ticket alert"), "ticketLabel");
    annotations(alerting.annotations(), checks);
    annotations(alerting.pageAnnotations(), checks.element("page alert"));
    annotations(alerting.ticketAnnotations(), checks.element("ticket alert"));
  }

  private static void annotations(java.util.Map<String, String> annotations, Checks checks) {
    annotations.forEach((name, value) -> {
      if (!PromqlStrings.isLabelName(name)) {
        checks.report("annotation name " + Problem.quoteName(name) + " is not valid: use letters, digits and"
            + " underscores, not starting with a digit");
      }
      if (value == null || value.isBlank()) {
        checks.report("annotation " + Problem.quoteName(name) + " has no value; give one or remove it");
      } else {
        checks.unicode("annotation " + Problem.quoteName(name), value);
      }
    });
  }

  /**
   * A burn-rate alert fires above factor x error budget. With a large budget over a long period every
   * threshold of a tier exceeds an error ratio of 100%, and the alert would sit in the rules forever
   * without a chance to fire: an SLO that cannot page is a promise nobody watches.
   */
  private static void burnRateAlertsCanFire(Slo slo, Checks checks) {
    BigDecimal objective = BigDecimal.valueOf(slo.objectivePercent());
    BigDecimal budget = HUNDRED.subtract(objective).divide(HUNDRED, MathContext.DECIMAL64);
    if (slo.pageAlerts()) {
      reachable(slo, BurnRates.AlertTier.FAST, "fast-burn", ".withoutPaging()", objective, budget, checks);
    }
    if (slo.ticketAlerts()) {
      reachable(slo, BurnRates.AlertTier.SLOW, "slow-burn", ".withoutTickets()", objective, budget, checks);
    }
  }

  private static void reachable(Slo slo, BurnRates.AlertTier tier, String alert, String off, BigDecimal objective,
      BigDecimal budget, Checks checks) {
    BigDecimal factor = BurnRates.smallestFactor(slo, tier);
    if (factor.multiply(budget).compareTo(BigDecimal.ONE) < 0) {
      return;
    }
    BigDecimal lowest = HUNDRED.subtract(HUNDRED.divide(factor, MathContext.DECIMAL64))
        .setScale(3, RoundingMode.CEILING);
    checks.report("the " + alert + " alert of a " + plain(objective) + "% objective over " + slo.period().toDays()
        + " days could never fire: its lowest threshold, " + plain(factor) + " times the "
        + plain(budget.multiply(HUNDRED)) + "% error budget, is an error ratio above 100%; raise the objective"
        + " above " + plain(lowest) + "% or switch the alert off with " + off);
  }

  /** At most this many conditions per tier: each adds recordings every minute. */
  static final int MAX_CONDITIONS = 6;
  static final int MAX_MINIMUM_BAD_EVENTS = 1000;

  /**
   * Declared burn-rate conditions: each long window shorter than the period (the period's own ratio
   * is recorded under its name), each short window shorter than its long one, a positive factor.
   */
  private static void windows(Slo slo, BurnRates.AlertTier tier, List<BurnRateWindow> declared, Checks checks) {
    if (declared.size() > MAX_CONDITIONS) {
      checks.report("declares " + declared.size() + " conditions, more than " + MAX_CONDITIONS + "; keep the two or"
          + " three that catch fast and slow burns");
    }
    for (int i = 0; i < declared.size(); i++) {
      BurnRateWindow w = declared.get(i);
      Checks one = declared.size() == 1 ? checks : checks.element("#" + (i + 1));
      if (w == null) {
        one.report("is null; pass BurnRateWindow.of(longWindow, shortWindow, burnRate)");
        continue;
      }
      int before = one.problemCount();
      String fix = "e.g. BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4)";
      one.duration("long window", w.longWindow(), Duration.ofMinutes(1), MAX_PERIOD, fix);
      one.duration("short window", w.shortWindow(), Duration.ofMinutes(1), MAX_PERIOD, fix);
      if (one.problemCount() == before) {
        if (w.longWindow().compareTo(slo.period()) >= 0) {
          one.report("long window " + Checks.show(w.longWindow()) + " must be shorter than the period, "
              + slo.period().toDays() + "d; the period's own ratio is the budget, not a burn");
        }
        if (w.shortWindow().compareTo(w.longWindow()) >= 0) {
          one.report("short window " + Checks.show(w.shortWindow()) + " must be shorter than the long window "
              + Checks.show(w.longWindow()) + "; the Workbook takes a twelfth of it");
        }
      }
      String what = w.burnRate() != null ? "burn rate" : "budget share";
      Double given = w.burnRate() != null ? w.burnRate() : w.budgetPercent();
      if (given == null || !Double.isFinite(given) || given <= 0) {
        one.report(what + " must be a positive number, was " + (given == null ? "missing" : String.valueOf(given))
            + "; e.g. BurnRateWindow.of(Duration.ofHours(1), Duration.ofMinutes(5), 14.4) for 14.4 times the budget,"
            + " or BurnRateWindow.spending(2, ...) for 2% of it");
      } else if (w.budgetPercent() != null && given > 100) {
        one.report("budget share must be at most 100%, was " + plain(BigDecimal.valueOf(given)) + "%");
      }
    }
  }

  /** The guard must let a real outage page: a full outage produces one bad event per request. */
  private static void minimumBadEvents(Slo slo, Checks checks) {
    int events = slo.minimumBadEvents();
    if (events < 1) {
      checks.report("minimum bad events must be at least 1, was " + events + "; 1 switches the low-traffic guard"
          + " off, the default is " + Slo.DEFAULT_MINIMUM_BAD_EVENTS);
    } else if (events > MAX_MINIMUM_BAD_EVENTS) {
      checks.report("minimum bad events of " + events + " makes paging impossible for a service under "
          + (events + 59) / 60 + " requests a minute, even when every request fails for an hour; use at most "
          + MAX_MINIMUM_BAD_EVENTS + ", the default is " + Slo.DEFAULT_MINIMUM_BAD_EVENTS);
    }
  }

  private static String plain(BigDecimal value) {
    return value.round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
  }

  private static void period(Duration period, Checks checks) {
    if (period == null) {
      checks.report("period is missing; add .over(Duration.ofDays(30))");
    } else if (period.isNegative() || period.isZero()) {
      checks.report("period must be positive, e.g. Duration.ofDays(30), was " + Checks.show(period));
    } else if (!period.equals(Duration.ofDays(period.toDays()))) {
      checks.report("period must be a whole number of days, e.g. Duration.ofDays(28), was " + Checks.show(period));
    } else if (period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
      checks.report("period must be between 7 and 365 days (burn-rate alerts read windows up to 3 days),"
          + " was " + period.toDays() + " days");
    }
  }
}
