package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One validation run reports every problem of every service, in a stable order. */
class CollectAllTest {

  /** Payments is declared first, checkout second; search is valid. */
  private static SreRegistry threeServices() {
    SreRegistry sre = new SreRegistry();
    sre.service("payments", s -> s
        .description(" ")
        .dependency(d -> d.database("ledger-db"))
        .alert("payments-down", a -> a.when(signal("ledger-pool").above(0.9)).lasting(Duration.ZERO)));
    sre.service("search", s -> s.tier(Tier.LOW));
    sre.service("checkout", s -> s
        .tier(Tier.CRITICAL)
        .selector("kubernetes-namespace", "shop")
        .saturation(Hikari.pool("orders"))
        .slo(Slo.availability(100))
        .slo(Slo.latency(Duration.ofMillis(300)).over(Duration.ofHours(36)))
        .alert("CheckoutHighErrorRate", a -> a
            .when(errorRatio().above(5.0))
            .lasting("2d")
            .label("severity", "critical")
            .runbook(r -> r.mitigate(Step.risky("Restart the pods.", "")).link("Wiki", "wiki/checkout")))
        .waive(CoverageCounter.SLO, null, LocalDate.of(2027, 3, 31)));
    return sre;
  }

  private static final List<String> ALL_PROBLEMS = List.of(
      "service 'checkout': selector: label name 'kubernetes-namespace' is not valid: use letters, digits and"
          + " underscores, not starting with a digit",
      "service 'checkout', slo 'availability': objective must be between 0 and 100 percent, both excluded, e.g."
          + " 99.9, was 100.0",
      "service 'checkout', slo 'availability': no request metrics to measure the SLO; add"
          + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service,"
          + " or count the SLO's own events with Slo.events(...)",
      "service 'checkout', slo 'latency': objective is missing or not a number; give it in percent, e.g."
          + " Slo.availability(99.9) or .percent(99.0)",
      "service 'checkout', slo 'latency': period must be a whole number of days, e.g. Duration.ofDays(28), was"
          + " 1d12h",
      "service 'checkout', slo 'latency': no request metrics to measure the SLO; add"
          + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service,"
          + " or count the SLO's own events with Slo.events(...)",
      "service 'checkout', alert 'CheckoutHighErrorRate': error ratio threshold must be between 0 and 1,"
          + " both excluded (0.05 means 5%), was 5.0",
      "service 'checkout', alert 'CheckoutHighErrorRate': an error-ratio condition needs request metrics; add"
          + " .signals(Micrometer.httpServer()) or another request-metrics preset to the service",
      "service 'checkout', alert 'CheckoutHighErrorRate': 'for' must be at most 1d, was 2d; give a wait such as"
          + " .lasting(\"5m\"); a condition that must hold for more than a day belongs in an SLO's slow-burn alert",
      "service 'checkout', alert 'CheckoutHighErrorRate': severity is missing; add .severity(Severity.PAGE),"
          + " (Severity.TICKET) or (Severity.INFO)",
      "service 'checkout', alert 'CheckoutHighErrorRate': label 'severity' is set from the definition; remove"
          + " .label(\"severity\", ...)",
      "service 'checkout', alert 'CheckoutHighErrorRate', runbook: risky step 'Restart the pods.' does not state"
          + " its risk; write Step.risky(action, risk)",
      "service 'checkout', alert 'CheckoutHighErrorRate', runbook: link 'Wiki': 'wiki/checkout' is not an absolute"
          + " http or https URL; write the whole address, e.g. https://grafana.example.com/d/abc",
      "service 'checkout', waiver: reason is missing; say why the item is waived, for the reviewer",
      "service 'payments': description is blank; write it out or leave it out",
      "service 'payments': tier is missing; add .tier(Tier.CRITICAL), .tier(Tier.HIGH) or .tier(Tier.LOW)",
      "service 'payments', dependency 'ledger-db': health signal is missing; add .via(...) with a preset such as"
          + " Hikari.pool(\"orders\") or .health(Signal.custom(...))",
      "service 'payments', alert 'payments-down': alert name 'payments-down' is not valid: use CamelCase ASCII"
          + " letters and digits, starting with an upper-case letter, at most 100 characters, e.g."
          + " 'CheckoutHighErrorRate'",
      "service 'payments', alert 'payments-down': condition refers to signal 'ledger-pool', which the service does"
          + " not declare; declare it with .saturation(...), .signal(...) or a dependency's .via(...), or"
          + " use a declared one (none)",
      "service 'payments', alert 'payments-down': 'for' must be positive, was 0s; give a wait such as"
          + " .lasting(\"5m\"); a condition that must hold for more than a day belongs in an SLO's slow-burn alert",
      "service 'payments', alert 'payments-down': severity is missing; add .severity(Severity.PAGE),"
          + " (Severity.TICKET) or (Severity.INFO)");

  @Test
  void reportsEveryProblemOfEveryServiceInOneRunSortedByServiceThenDeclaration() {
    assertEquals(ALL_PROBLEMS, problemsOf(threeServices()));
  }

  @Test
  void reportsTheSameProblemsInTheSameOrderOnEveryRun() {
    SreRegistry sre = threeServices();

    List<String> first = problemsOf(sre);
    List<String> second = problemsOf(sre);
    List<String> fromAFreshRegistry = problemsOf(threeServices());

    assertEquals(first, second);
    assertEquals(first, fromAFreshRegistry);
  }
}
