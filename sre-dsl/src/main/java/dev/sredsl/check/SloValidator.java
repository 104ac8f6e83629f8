package dev.sredsl.check;

import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloKind;
import java.time.Duration;

/** Checks one SLO of a service. */
final class SloValidator {

  /** The slow-burn ticket tier reads 3 days; a period must hold that window more than twice. */
  static final Duration MIN_PERIOD = Duration.ofDays(7);
  static final Duration MAX_PERIOD = Duration.ofDays(365);

  void validate(Service service, Slo slo, Checks serviceChecks) {
    Checks checks = serviceChecks.element("slo " + DefinitionValidator.quote(slo.name()));
    checks.reportIfNotNull(Names.idProblem("slo name", slo.name(), "availability"));
    checks.optionalText("description", slo.description());
    double objective = slo.objectivePercent();
    if (Double.isNaN(objective)) {
      checks.report("objective is missing or not a number; give it in percent, e.g. Slo.availability(99.9) or"
          + " .percent(99.0)");
    } else if (!(objective > 0 && objective < 100)) {
      checks.report("objective must be between 0 and 100 percent, both excluded, e.g. 99.9, was " + objective);
    }
    period(slo.period(), checks);
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
