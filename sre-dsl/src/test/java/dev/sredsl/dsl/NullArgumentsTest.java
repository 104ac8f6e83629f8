package dev.sredsl.dsl;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.check.DefinitionValidator;
import dev.sredsl.problem.Problem;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.SignalPreset;
import dev.sredsl.promql.LabelMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A null passed to the DSL (e.g. a preset held in a field that is not yet initialised) is reported as a
 * problem. The main code has the messages for it, but the builders fail first with a NullPointerException.
 */
class NullArgumentsTest {

  /** Problems of declaring and then validating one service. */
  private static List<String> problemsOf(Consumer<ServiceBuilder> spec) {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", spec);
    Declarations declarations = sre.declarations();
    List<Problem> problems = new ArrayList<>(declarations.problems());
    problems.addAll(new DefinitionValidator().validate(declarations.services()));
    return problems.stream().map(Problem::toString).toList();
  }

  @Test
  void reportsANullSaturationPreset() {
    SignalPreset notYetInitialised = null;

    assertEquals(List.of("service 'checkout': a signal is null; pass a preset such as Jvm.heapUsed() or"
        + " Signal.custom(...)"), problemsOf(s -> s.tier(Tier.LOW).saturation(notYetInitialised)));
  }

  @Test
  void reportsANullSlo() {
    assertEquals(List.of("service 'checkout': an slo is null; pass Slo.availability(...) or Slo.latency(...)"),
        problemsOf(s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer()).slo(Slo.availability(99.9))
            .slo(null)));
  }

  @Test
  void reportsANullSelectorMatcher() {
    assertEquals(List.of("service 'checkout': selector holds a null matcher; remove it"),
        problemsOf(s -> s.tier(Tier.LOW).selector(LabelMatcher.eq("job", "checkout"), null)));
  }

  @Test
  void reportsANullMitigationStep() {
    assertEquals(List.of("service 'checkout', alert 'CheckoutHighErrorRate', runbook: a mitigation step is null;"
            + " use Step.safe(...) or Step.risky(...)"),
        problemsOf(s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
            .alert("CheckoutHighErrorRate", a -> a
                .when(errorRatio().above(0.05))
                .severity(Severity.PAGE)
                .runbook(r -> r.mitigate(Step.safe("Roll back."), null)))));
  }
}
