package dev.sredsl.check;

import dev.sredsl.problem.Problem;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** Checks one SLO of a service. */
final class SloValidator {

  /** The slow-burn ticket tier reads 3 days; a period must hold that window more than twice. */
  static final Duration MIN_PERIOD = Duration.ofDays(7);
  static final Duration MAX_PERIOD = Duration.ofDays(365);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
      burnRateAlertsCanFire(slo, checks);
    }
    if (service.requests() == null) {
      checks.report("no request metrics to measure the SLO; add .signals(Micrometer.httpServer())"
          + " or another request-metrics preset to the service");
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
    BigDecimal factor = BurnRates.smallestFactor(slo.period(), tier);
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
