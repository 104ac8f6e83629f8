package dev.sredsl.check;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import static dev.sredsl.check.Declared.lines;
import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Micrometer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SrePipeline refuses to generate from definitions with problems and says which. */
class PipelineValidationTest {

  private final SrePipeline pipeline = new SrePipeline();

  @Test
  void listsProblemsOutsideServicesFirstThenByServiceWithDeclarationProblemsBeforeValidationProblems() {
    SreRegistry sre = new SreRegistry();
    sre.service("payments", s -> s.description("Books payments."));
    sre.service("checkout", s -> s.tier(Tier.HIGH)
        .owner(o -> o.team(" "))
        .alert("CheckoutHighErrorRate", a -> a.lasting("5 minutes")));
    sre.service("payments", s -> s.tier(Tier.HIGH));
    sre.report(Problem.of(null, null, "definitions class com.acme.Broken failed in define()"));

    DefinitionException e = assertThrows(DefinitionException.class,
        () -> pipeline.generate(sre.declarations(), GenerationSettings.DEFAULTS));

    assertEquals(List.of(
            "definitions class com.acme.Broken failed in define()",
            "service 'checkout', alert 'CheckoutHighErrorRate': '5 minutes' is not a Prometheus duration; write a"
                + " number and a unit (ms, s, m, h, d, w, y), e.g. 5m or 1h30m",
            "service 'checkout', owner: team is blank; write it out or leave it out",
            "service 'payments': declared twice in the definitions; declare each service once",
            "service 'payments': tier is missing; add .tier(Tier.CRITICAL), .tier(Tier.HIGH) or .tier(Tier.LOW)"),
        lines(e.problems()));
    assertEquals("the SRE definitions have 5 problems", e.getMessage());
  }

  @Test
  void namesTheOnlyProblemInTheMessage() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.description("Takes the basket to a paid order."));

    DefinitionException e = assertThrows(DefinitionException.class,
        () -> pipeline.generate(sre.declarations(), GenerationSettings.DEFAULTS));

    assertEquals("the SRE definitions have 1 problem: service 'checkout': tier is missing; add .tier(Tier.CRITICAL),"
        + " .tier(Tier.HIGH) or .tier(Tier.LOW)", e.getMessage());
  }

  @Test
  void refusesDefinitionsThatDeclareNoService() {
    DefinitionException e = assertThrows(DefinitionException.class,
        () -> pipeline.generate(new SreRegistry().declarations(), GenerationSettings.DEFAULTS));

    assertEquals(List.of("the definitions declare no service; call sre.service(\"my-service\", s -> ...) in"
        + " define(SreRegistry)"), lines(e.problems()));
  }

  @Test
  void reportsTheProblemsOfDeclaringInsteadOfNoServiceWhenThereAreSome() {
    SreRegistry sre = new SreRegistry();
    sre.report(Problem.of(null, null, "com.acme.Monitoring could not be instantiated"));

    DefinitionException e = assertThrows(DefinitionException.class,
        () -> pipeline.generate(sre.declarations(), GenerationSettings.DEFAULTS));

    assertEquals(List.of("com.acme.Monitoring could not be instantiated"), lines(e.problems()));
  }

  @Test
  void generatesTheRulesFileOfAValidService() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.HIGH).signals(Micrometer.httpServer())
        .alert("CheckoutHighErrorRate", a -> a.when(errorRatio().above(0.05)).severity(Severity.PAGE)));

    GeneratedFiles files = pipeline.generate(sre.declarations(), GenerationSettings.DEFAULTS);

    assertTrue(files.get("prometheus/checkout.rules.yml").isPresent(), "rules file of checkout");
  }
}
