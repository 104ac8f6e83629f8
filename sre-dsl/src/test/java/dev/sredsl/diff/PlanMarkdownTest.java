package dev.sredsl.diff;

import static dev.sredsl.diff.PlanFixtures.BASE;
import static dev.sredsl.diff.PlanFixtures.markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Before/after pairs of definitions, one kind of change each, and the exact Markdown lines the plan
 * shows for it. Every plan must parse as CommonMark with no HTML but the collapsible sections.
 */
public class PlanMarkdownTest {

  /** The plan of a pair, checked for HTML, then searched for {@code expected} lines, in that order. */
  private static String assertPlanShows(PlanFixtures.Knobs before, PlanFixtures.Knobs after, String... expected) {
    String plan = markdown(before, after);
    assertOnlyCollapsibleHtml(plan);
    List<String> lines = plan.lines().toList();
    int at = 0;
    for (String line : expected) {
      int found = lines.subList(at, lines.size()).indexOf(line);
      if (found < 0) {
        fail("the plan lacks, in this order, the line\n" + line + "\nThe plan:\n" + plan);
      }
      at += found + 1;
    }
    return plan;
  }

  private static void assertLacks(String plan, String text) {
    assertTrue(!plan.contains(text), "the plan should not say '" + text + "':\n" + plan);
  }

  /** Fails when the Markdown holds raw HTML other than {@code <details>} and {@code <summary>}. */
  public static void assertOnlyCollapsibleHtml(String markdown) {
    List<String> html = new ArrayList<>();
    Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        html.add(block.getLiteral());
      }

      @Override
      public void visit(HtmlInline inline) {
        html.add(inline.getLiteral());
      }
    });
    for (String literal : html) {
      String withoutTags = literal.replaceAll("</?details>|</?summary>", "");
      assertTrue(!withoutTags.contains("<"), "raw HTML beyond <details> and <summary>: " + literal);
    }
  }

  @Test
  void theSameDefinitionsMakeAOneLinePlan() {
    assertEquals("No monitoring change.\n", markdown(BASE, BASE));
  }

  @Test
  void aLoosenedThresholdAndALongerWaitAreRisksAndChanges() {
    assertPlanShows(BASE, BASE.with(k -> {
      k.errorThreshold(0.1);
      k.errorFor("5m");
    }),
        "## Monitoring plan",
        "1 change in 1 of 1 service against the baseline; 2 reduce protection.",
        "### ⚠️ Changes that reduce protection",
        "- **threshold loosened** in checkout: `CheckoutHighErrorRate`: error ratio above 5% over 5m → error ratio"
            + " above 10% over 5m",
        "- **for lengthened** in checkout: `CheckoutHighErrorRate` waits 2m → 5m before it fires",
        "### checkout",
        "**Alerts**",
        "- Changed `CheckoutHighErrorRate` (critical, to payments-page)",
        "  - condition: error ratio above 5% over 5m → error ratio above 10% over 5m",
        "  - expression: changed, PromQL below",
        "  - for: 2m → 5m",
        "<details>",
        "<summary>PromQL of checkout (2 queries)</summary>",
        "`CheckoutHighErrorRate` before:",
        "```promql",
        "(sum(rate(http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\"}[5m])) or vector(0))"
            + " / sum(rate(http_server_requests_seconds_count{job=\"checkout\"}[5m])) > 0.05",
        "```",
        "`CheckoutHighErrorRate` after:",
        "```promql",
        "(sum(rate(http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\"}[5m])) or vector(0))"
            + " / sum(rate(http_server_requests_seconds_count{job=\"checkout\"}[5m])) > 0.1",
        "```",
        "</details>");
  }

  @Test
  void aTighterThresholdAndAShorterWaitAreNoRisk() {
    String plan = assertPlanShows(BASE, BASE.with(k -> {
      k.errorThreshold(0.02);
      k.errorFor("1m");
    }),
        "1 change in 1 of 1 service against the baseline; none reduces protection.",
        "- Changed `CheckoutHighErrorRate` (critical, to payments-page)",
        "  - condition: error ratio above 5% over 5m → error ratio above 2% over 5m",
        "  - for: 2m → 1m");
    assertLacks(plan, "reduce protection\n");
  }

  @Test
  void aWiderWindowIsARisk() {
    assertPlanShows(BASE, BASE.with(k -> k.errorWindow("15m")),
        "- **window widened** in checkout: `CheckoutHighErrorRate`: error ratio above 5% over 5m → error ratio"
            + " above 5% over 15m",
        "  - condition: error ratio above 5% over 5m → error ratio above 5% over 15m");
  }

  @Test
  void aLowerSeverityIsARiskAndMovesTheNotifications() {
    assertPlanShows(BASE, BASE.with(k -> k.errorSeverity(Severity.TICKET)),
        "- **severity lowered** in checkout: `CheckoutHighErrorRate`: critical → warning",
        "- **receiver lost** in checkout: `CheckoutHighErrorRate` no longer reaches payments-page (now"
            + " payments-ticket)",
        "- Changed `CheckoutHighErrorRate` (warning, to payments-ticket)",
        "  - severity: critical → warning",
        "  - notifications: payments-page → payments-ticket");
  }

  @Test
  void anAddedAlertShowsItsConditionAndReceiverAndARemovedOneIsARisk() {
    assertPlanShows(BASE.with(k -> k.slowAlert(false)), BASE,
        "- Added `CheckoutSlow` (warning, to payments-ticket)",
        "  - condition: p99 latency above 750ms over 10m",
        "  - for: 10m");
    assertPlanShows(BASE, BASE.with(k -> k.slowAlert(false)),
        "- **alert removed** in checkout: `CheckoutSlow` (warning) removed",
        "- Removed `CheckoutSlow` (warning, to payments-ticket)");
  }

  @Test
  void anAcknowledgedRiskCarriesItsReasonAndAnUnusedAcknowledgementIsNamed() {
    assertPlanShows(BASE, BASE.with(k -> {
      k.slowAlert(false);
      k.extra(s -> s.acknowledgeRisk("CheckoutSlow", "Replaced by the latency SLO.")
          .acknowledgeRisk("availability", "Agreed with product."));
    }),
        "3 changes in 1 of 1 service against the baseline; 1 reduces protection, 1 of them acknowledged.",
        "- **alert removed** in checkout: `CheckoutSlow` (warning) removed (acknowledged: Replaced by the latency"
            + " SLO.)",
        "Risk acknowledgements that match no risky change, which can be removed: checkout: availability.");
  }

  @Test
  void aLowerObjectiveIsARiskWithItsErrorBudgetAsTime() {
    assertPlanShows(BASE, BASE.with(k -> k.availability(99.5)),
        "- **SLO lowered** in checkout: SLO availability: 99.9% over 30d: 43m12s of full outage → 99.5% over 30d:"
            + " 3h36m of full outage",
        "**SLOs**",
        "- Changed `availability` (99.5% over 30d: 3h36m of full outage)",
        "  - objective: 99.9% over 30d: 43m12s of full outage → 99.5% over 30d: 3h36m of full outage",
        "**Recording rules**",
        "- Changed `slo:objective:ratio{service=\"checkout\", slo=\"availability\", team=\"payments\"}`",
        "  - expression: changed, PromQL below",
        "`slo:objective:ratio{service=\"checkout\", slo=\"availability\", team=\"payments\"}` before:",
        "vector(0.999)",
        "`slo:objective:ratio{service=\"checkout\", slo=\"availability\", team=\"payments\"}` after:",
        "vector(0.995)");
  }

  @Test
  void aHigherObjectiveIsNoRisk() {
    String plan = assertPlanShows(BASE, BASE.with(k -> k.availability(99.95)),
        "  - objective: 99.9% over 30d: 43m12s of full outage → 99.95% over 30d: 21m36s of full outage");
    assertLacks(plan, "SLO lowered");
  }

  @Test
  void switchingTheBurnRatePageOffIsARisk() {
    String plan = assertPlanShows(BASE, BASE.with(k -> k.pageOnBurn(false)),
        "- **SLO alert switched off** in checkout: SLO availability: the page alert is off (was 1h and 5m above"
            + " 14.4x, 6h and 30m above 6x)",
        "  - page: 1h and 5m above 14.4x, 6h and 30m above 6x → off",
        "- Removed `CheckoutAvailabilityErrorBudgetFastBurn` (critical, to payments-page)");
    // The SLO's own alert goes with the switch: one risk, not two.
    assertLacks(plan, "**alert removed**");
  }

  @Test
  void runbookStepsAddedAndRemovedAreShownWithTheirText() {
    assertPlanShows(BASE, BASE.with(k -> {
      k.runbookStep(true);
      k.escalation(false);
    }),
        "- **escalation removed** in checkout: `CheckoutHighErrorRate`'s runbook no longer says when to escalate",
        "**Runbooks**",
        "- Changed `CheckoutHighErrorRate`",
        "  - diagnosis, added: Check the orders-db pool panel.",
        "  - escalation, removed: Page payments-secondary after 15 minutes.",
        "**Coverage**",
        "- Changed `RUNBOOK`",
        "  - covered: 2 of 2 → 1 of 2");
  }

  @Test
  void ownershipChangesAreListedAndALostOnCallIsARisk() {
    assertPlanShows(BASE, BASE.with(k -> {
      k.onCall("payments-weekend");
      k.workingHours(true);
    }),
        "**Ownership**",
        "- Changed ownership",
        "  - on-call: payments-primary → payments-weekend",
        "  - working hours, added: Mon-Fri 09:00-17:00 Europe/Berlin",
        "- Changed `CheckoutAvailabilityErrorBudgetSlowBurn` (warning, to payments-ticket (only within"
            + " payments-working-hours))",
        "  - notifications: payments-ticket → payments-ticket (only within payments-working-hours)");
    assertPlanShows(BASE, BASE.with(k -> k.onCall(null)),
        "- **ownership removed** in checkout: no on-call any more (was payments-primary)",
        "  - on-call, removed: payments-primary",
        "- Changed `OWNERSHIP`",
        "  - covered: 1 of 1 → 0 of 1");
  }

  @Test
  void anotherTeamIsAnotherReceiver() {
    assertPlanShows(BASE, BASE.with(k -> k.team("orders")),
        "- **receiver lost** in checkout: `CheckoutHighErrorRate` no longer reaches payments-page (now"
            + " orders-page)",
        "  - team: payments → orders",
        "  - label team: payments → orders",
        "  - notifications: payments-page → orders-page");
  }

  @Test
  void dashboardsAreComparedByPanelTitle() {
    assertPlanShows(BASE, BASE.with(k -> k.panel("Payments per provider", BASE.panelQuery())),
        "**Dashboard**",
        "- Changed panel Custom / Payments by provider",
        "  - title: Payments by provider → Payments per provider");
    assertPlanShows(BASE, BASE.with(k -> k.panel(BASE.panelTitle(),
        "sum by (provider, outcome) (rate(checkout_payments_total[$__rate_interval]))")),
        "- Changed panel Custom / Payments by provider",
        "  - query: changed, PromQL below",
        "panel Custom / Payments by provider before:",
        "sum by (provider) (rate(checkout_payments_total[$__rate_interval]))",
        "panel Custom / Payments by provider after:",
        "sum by (provider, outcome) (rate(checkout_payments_total[$__rate_interval]))");
    assertPlanShows(BASE, BASE.with(k -> k.extra(s -> s.panel(p -> p.title("Refunds <b>now</b>")
        .description("Refunds per second.").unit("reqps").query("sum(rate(refunds_total[$__rate_interval]))")))),
        "- Added panel Custom / Refunds \\<b\\>now\\</b\\>",
        "  - query: PromQL below");
  }

  @Test
  void aNewServiceAndARemovedOneAreMarked() {
    var registryBefore = PlanFixtures.declare(BASE);
    var registryAfter = new dev.sredsl.dsl.SreRegistry()
        .service("refunds", s -> s.tier(dev.sredsl.model.Tier.LOW)
            .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
            .signals(dev.sredsl.presets.Micrometer.httpServer()))
        .declarations();
    Plan plan = new MonitoringDiff("sre.diffBaseline").compare(PlanFixtures.tree("b", registryBefore),
        PlanFixtures.tree("a", registryAfter));
    String markdown = PlanMarkdown.render(plan);
    assertOnlyCollapsibleHtml(markdown);
    assertTrue(markdown.contains("\n### checkout (service removed)\n"), markdown);
    assertTrue(markdown.contains("\n### refunds (new service)\n"), markdown);
    assertTrue(markdown.contains("- **alert removed** in checkout: `CheckoutHighErrorRate` (critical) removed\n"),
        markdown);
  }

  @Test
  void thePlanIsTheSameInEveryLocale() {
    PlanFixtures.Knobs after = BASE.with(k -> {
      k.availability(99.95);
      k.errorThreshold(0.025);
    });
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = markdown(BASE, after) + PlanJson.render(PlanFixtures.plan(BASE, after));
      for (Locale locale : List.of(Locale.GERMANY, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"))) {
        Locale.setDefault(locale);
        assertEquals(root, markdown(BASE, after) + PlanJson.render(PlanFixtures.plan(BASE, after)), locale.toString());
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aPlanLongerThanACommentIsSummarisedWithItsRisksKept() {
    var before = new dev.sredsl.dsl.SreRegistry();
    var after = new dev.sredsl.dsl.SreRegistry();
    for (int i = 0; i < 150; i++) {
      String name = "svc-" + i;
      before.service(name, s -> service(s, 99.9));
      after.service(name, s -> service(s, 99.0));
    }
    Plan plan = new MonitoringDiff("sre.diffBaseline").compare(PlanFixtures.tree("b", before.declarations()),
        PlanFixtures.tree("a", after.declarations()));
    String markdown = PlanMarkdown.render(plan);
    assertTrue(markdown.length() <= PlanMarkdown.BUDGET, "length " + markdown.length());
    assertOnlyCollapsibleHtml(markdown);
    assertTrue(markdown.contains("- **SLO lowered** in svc-149: SLO availability: 99.9% over 30d: 43m12s of full"
        + " outage → 99% over 30d: 7h12m of full outage\n"), markdown);
    assertTrue(markdown.contains("\n### svc-0\n\n- SLOs: 1 changed\n- Alerts: 2 changed\n"), markdown);
    assertTrue(markdown.contains("every change is in sre-diff.json"), markdown);
  }

  @Test
  void aPlanTooLongEvenSummarisedIsCutAtTheLimitWithTheRisksFirst() {
    List<RiskFinding> risks = new ArrayList<>();
    List<Plan.ServiceChanges> services = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      risks.add(new RiskFinding(Risk.ALERT_REMOVED, "svc-" + i, "Svc" + i + "Down", "`Svc" + i + "Down` (critical)"
          + " removed", null));
      services.add(new Plan.ServiceChanges("svc-" + i, ChangeKind.CHANGED, List.of(new Change(Area.ALERTS,
          ChangeKind.REMOVED, "Svc" + i + "Down", "critical, to team-page", List.of()))));
    }
    String markdown = PlanMarkdown.render(new Plan("baseline", risks, services, List.of(), 5_000));
    assertTrue(markdown.length() <= PlanMarkdown.BUDGET, "length " + markdown.length());
    assertTrue(markdown.startsWith("## Monitoring plan\n\n5000 changes in 5000 of 5000 services against the"
        + " baseline; 5000 reduce protection.\n\n### ⚠️ Changes that reduce protection\n\n- **alert removed** in"
        + " svc-0: `Svc0Down` (critical) removed\n"), markdown.substring(0, 300));
    assertTrue(markdown.contains("\n- … and 4800 more, in sre-diff.json\n"), markdown);
    assertTrue(markdown.endsWith("\n… cut at GitHub's comment limit; every change is in sre-diff.json.\n"));
    assertOnlyCollapsibleHtml(markdown);
  }

  private static void service(dev.sredsl.dsl.ServiceBuilder s, double objective) {
    s.tier(dev.sredsl.model.Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
        .signals(dev.sredsl.presets.Micrometer.httpServer())
        .slo(Slo.availability(objective));
  }
}
