package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static dev.sredsl.dsl.Conditions.promql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written PromQL in a definition is parsed during validation and reported like any other problem. */
class PromqlValidationTest {

  @Test
  void reportsACustomSignalThatIsNotPromQL() {
    assertEquals(List.of("service 'checkout', signal 'orders-placed': expression is not valid PromQL: column 26:"
            + " expected ')' after the arguments of rate, found ','"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .signal(Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total[5m], 1))"))));
  }

  @Test
  void reportsACustomSignalGivingARangeVector() {
    assertEquals(List.of("service 'checkout', signal 'queue-depth': expression gives a range vector; wrap it in a"
            + " function such as rate(...) or max_over_time(...)"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .signal(Signal.custom(SignalKind.SATURATION, "queue-depth", "queue_depth[5m]"))));
  }

  @Test
  void reportsARawConditionThatPrometheusWouldReject() {
    assertEquals(List.of("service 'checkout', alert 'CheckoutDown': PromQL condition is not valid PromQL: column 6:"
            + " argument 1 of rate must be a range vector, got an instant vector; add a range, e.g. x[5m]"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .alert("CheckoutDown", a -> a.when(promql("rate(up) == 0")).severity(Severity.PAGE))));
  }

  @Test
  void reportsAHandWrittenHealthSignalOfADependency() {
    assertEquals(List.of("service 'checkout', dependency 'orders-db', health signal: expression is not valid"
            + " PromQL: column 5: unknown function pg_up_ratio"),
        problemsOf("checkout", s -> s.tier(Tier.LOW)
            .dependency(d -> d.database("orders-db")
                .health(Signal.custom(SignalKind.ERRORS, "orders-db-up", "1 - pg_up_ratio(x)")))));
  }

  @Test
  void acceptsValidHandWrittenPromQLAndEveryPreset() {
    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.LOW)
        .saturation(Hikari.pool("HikariPool-1"), Hikari.pending("orders"))
        .signal(Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total{job=\"checkout\"}[5m]))"))
        .alert("CheckoutDown", a -> a.when(promql("up{job=\"checkout\"} == 0")).severity(Severity.PAGE))));
  }
}
