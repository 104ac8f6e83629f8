package dev.sredsl.diff;

import org.junit.jupiter.api.Test;

class ScratchPlanTest {
  @Test
  void print() {
    PlanFixtures.Knobs after = PlanFixtures.BASE.with(k -> {
      k.errorThreshold(0.1);
      k.errorFor("5m");
      k.escalation(false);
      k.slowAlert(false);
      k.availability(99.5);
      k.onCall("payments-oncall");
      k.workingHours(true);
      k.panel("Payments per provider", "sum by (provider) (rate(checkout_payments_total[$__rate_interval]))");
      k.runbookStep(true);
      k.extra(s -> s.acknowledgeRisk("CheckoutSlow", "Replaced by the latency SLO."));
    });
    try { PlanFixtures.declare(PlanFixtures.BASE); new dev.sredsl.pipeline.SrePipeline().generate(PlanFixtures.declare(PlanFixtures.BASE), PlanFixtures.SETTINGS); } catch (dev.sredsl.problem.DefinitionException e) { System.out.println(e.problems()); }
    System.out.println(PlanFixtures.markdown(PlanFixtures.BASE, after));
    System.out.println(PlanFixtures.markdown(PlanFixtures.BASE, PlanFixtures.BASE));
    System.out.println(PlanJson.render(PlanFixtures.plan(PlanFixtures.BASE, after)).substring(0, 1500));
  }
}
