package dev.sredsl.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.output.GeneratedFile;
import dev.sredsl.promql.PromQL;
import dev.sredsl.verify.Backtest;
import dev.sredsl.verify.Episode;
import dev.sredsl.verify.LoadedRule;
import dev.sredsl.verify.VerifyReports;
import dev.sredsl.verify.VerifyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** With sre:verify's report in both builds, a changed alert shows how it would have played on both sides. */
class BacktestInPlanTest {

  private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

  /** The report sre:verify writes, made by its own writer, for one alert with these episodes. */
  private static Map<String, byte[]> report(Duration... episodes) {
    LoadedRule rule = new LoadedRule("checkout.rules.yml", "checkout-alerts", Duration.ofMinutes(1), null,
        "CheckoutHighErrorRate", PromQL.parse("vector(1)"), Duration.ofMinutes(2), null, new TreeMap<>());
    List<Episode> list = new ArrayList<>();
    long at = START.toEpochMilli();
    for (Duration episode : episodes) {
      at += Duration.ofHours(12).toMillis();
      list.add(new Episode(Map.of(), at, at + episode.toMillis(), 0.2, false));
    }
    Backtest.Replay replay = new Backtest.Replay(rule, "vector(1)", list, true);
    VerifyResult result = new VerifyResult("http://prometheus:9090", START, END, Duration.ofMinutes(1),
        Duration.ofMinutes(5), false, List.of(new VerifyResult.ServiceResult("checkout", "payments",
            List.of(new VerifyResult.AlertResult("CheckoutHighErrorRate", "critical", replay, null, false, null)),
            List.of(), List.of())), List.of(), List.of());
    Map<String, byte[]> files = new TreeMap<>();
    for (GeneratedFile file : VerifyReports.write(result)) {
      files.put("verify/" + file.path(), file.content());
    }
    return files;
  }

  @Test
  void aChangedAlertShowsItsBacktestOnBothSides() {
    PlanFixtures.Knobs after = PlanFixtures.BASE.with(k -> k.errorThreshold(0.1));
    OutputTree before = PlanFixtures.tree("main", PlanFixtures.declare(PlanFixtures.BASE),
        report(Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(10)));
    OutputTree current = PlanFixtures.tree("pr", PlanFixtures.declare(after), report(Duration.ofMinutes(10)));

    String plan = PlanMarkdown.render(new MonitoringDiff("sre.diffBaseline").compare(before, current));

    assertTrue(plan.contains("- Changed `CheckoutHighErrorRate` (critical, to payments-page)\n"
        + "  - condition: error ratio above 5% over 5m → error ratio above 10% over 5m\n"
        + "  - expression: changed, PromQL below\n"
        + "  - backtest: 3 episodes, 1h firing in 1w → 1 episode, 10m firing in 1w\n"), plan);
  }

  @Test
  void withAReportOnOneSideOnlyThereIsNothingToCompare() {
    PlanFixtures.Knobs after = PlanFixtures.BASE.with(k -> k.errorThreshold(0.1));
    OutputTree before = PlanFixtures.tree("main", PlanFixtures.declare(PlanFixtures.BASE));
    OutputTree current = PlanFixtures.tree("pr", PlanFixtures.declare(after), report(Duration.ofMinutes(10)));

    String plan = PlanMarkdown.render(new MonitoringDiff("sre.diffBaseline").compare(before, current));

    assertTrue(plan.contains("  - condition: error ratio above 5% over 5m → error ratio above 10% over 5m\n"), plan);
    assertTrue(!plan.contains("backtest"), plan);
  }
}
