package dev.sredsl.generate.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SLOs on events the team counts, not HTTP requests: a batch service with no request metrics at all.
 * Their rules pass promtool's checks, their generated tests pass in both forms of the windows, and a
 * query-counted SLO's page fires on real series under promtool.
 */
class EventSloTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of());

  @TempDir
  Path work;

  private static Declarations billing() {
    return new SreRegistry().service("billing", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("finance").onCall("finance-primary").escalation("finance-secondary"))
        // Bad events and all events from one counter.
        .slo(Slo.events("run-success")
            .bad(EventCount.counter("billing_runs_total").where("result", "failed"))
            .total(EventCount.counter("billing_runs_total"))
            .percent(99.5)
            .ticketWhenBudgetExhausted())
        // Good events from another counter than all events.
        .slo(Slo.events("invoices-sent")
            .good(EventCount.counter("billing_invoices_sent_total").whereNot("channel", "test"))
            .total(EventCount.counter("billing_invoices_total"))
            .percent(99.9))
        // Events no plain counter holds: a query with the window placeholder.
        .slo(Slo.events("ledger-writes")
            .bad(EventCount.query("sum(rate(ledger_write_errors_total{job=\"billing\"}[${window}]))"))
            .total(EventCount.query("sum(rate(ledger_writes_total{job=\"billing\"}[${window}]))"))
            .percent(99.9))
        // A query that is not the rate of one counter: its input series cannot be derived.
        .slo(Slo.events("ledger-integrity")
            .bad(EventCount.query("sum(rate(ledger_write_errors_total{job=\"billing\"}[${window}]))"
                + " + sum(rate(ledger_write_timeouts_total{job=\"billing\"}[${window}]))"))
            .total(EventCount.query("sum(rate(ledger_writes_total{job=\"billing\"}[${window}]))"))
            .percent(99)
            .withoutTickets()))
        .declarations();
  }

  private Path write(SloWindowForm form) throws IOException {
    Path folder = Files.createDirectories(work.resolve(form.name().toLowerCase(java.util.Locale.ROOT)));
    for (GeneratedFile file : new SrePipeline().generate(billing(), SETTINGS.withSloWindowForm(form)).all()) {
      if (file.path().startsWith("prometheus/")) {
        Files.write(folder.resolve(file.path().substring("prometheus/".length())), file.content());
      }
    }
    return folder;
  }

  @ParameterizedTest
  @EnumSource(SloWindowForm.class)
  void theRulesPassPromtoolAndTheGeneratedTestsPass(SloWindowForm form) throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Path folder = write(form);

    ExternalTool.Run check = promtool.run("check", "rules", "--lint=all", "--lint-fatal",
        folder.resolve("billing.rules.yml").toString());
    ExternalTool.Run tests = promtool.run("test", "rules", folder.resolve("billing.rules.test.yml").toString());

    assertEquals(0, check.exitCode(), check.output());
    assertEquals(0, tests.exitCode(), tests.output());
    String testFile = Files.readString(folder.resolve("billing.rules.test.yml"));
    for (String alert : new String[] {"BillingRunSuccessErrorBudgetFastBurn", "BillingRunSuccessErrorBudgetSlowBurn",
        "BillingRunSuccessErrorBudgetExhausted", "BillingInvoicesSentErrorBudgetFastBurn",
        "BillingInvoicesSentErrorBudgetSlowBurn", "BillingLedgerWritesErrorBudgetFastBurn",
        "BillingLedgerWritesErrorBudgetSlowBurn"}) {
      assertTrue(testFile.contains("alertname: " + alert + "\n"), alert + " has generated cases:\n" + testFile);
    }
    assertTrue(testFile.contains("# Not tested here: BillingLedgerIntegrityErrorBudgetFastBurn: its events are"
        + " counted by a PromQL query that is not the rate of one counter, whose input series the generator cannot"
        + " derive; pin the alert with a promtool test of your own\n"), testFile);
  }

  @org.junit.jupiter.api.Test
  void theDashboardRunbookAndMissingDataAlertKnowTheEventSlos() {
    Map<String, String> files = new java.util.TreeMap<>();
    for (GeneratedFile file : new SrePipeline().generate(billing(), SETTINGS).all()) {
      files.put(file.path(), file.contentAsString());
    }
    String dashboard = files.get("grafana/dashboards/billing.json");
    assertTrue(dashboard.contains("\"title\": \"run-success: attainment over 30d\""), dashboard);
    assertTrue(dashboard.contains("\"title\": \"ledger-writes: error budget remaining\""), dashboard);
    String runbook = files.get("runbooks/billing.md");
    // As the runbook's table writes them, Markdown escaped.
    assertTrue(runbook.contains("| run-success | 99.5% | 30d | 0.5% | events counted by"
        + " billing\\_runs\\_total{result=\"failed\"} |"), runbook);
    assertTrue(runbook.contains("| invoices-sent | 99.9% | 30d | 0.1% | events of billing\\_invoices\\_total not"
        + " counted by billing\\_invoices\\_sent\\_total{channel\\!=\"test\"} |"), runbook);
    String rules = files.get("prometheus/billing.rules.yml");
    assertTrue(rules.contains("absent_over_time(billing_runs_total{job=\"billing\"}[10m])"), rules);
    assertTrue(rules.contains("absent_over_time(ledger_writes_total{job=\"billing\"}[10m])"), rules);
  }

  /**
   * The query-counted SLO, pinned by hand: a third of the writes fail from minute 0, and it pages; with
   * no write errors at all (no error series), the ratio is 0 and it stays silent.
   */
  @ParameterizedTest
  @EnumSource(SloWindowForm.class)
  void aQueryCountedSloPagesOnItsOwnSeries(SloWindowForm form) throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Path folder = write(form);
    Path test = folder.resolve("ledger.test.yml");
    Files.writeString(test, """
        rule_files:
          - billing.rules.yml
        evaluation_interval: 1m
        group_eval_order:
          - billing-slo
          - billing-slo-alerts
          - billing-missing-data
        tests:
          - interval: 1m
            input_series:
              - series: 'ledger_write_errors_total{job="billing"}'
                values: '0+20x60'
              - series: 'ledger_writes_total{job="billing"}'
                values: '0+60x60'
            promql_expr_test:
              - expr: count(ALERTS{alertname="BillingLedgerWritesErrorBudgetFastBurn", alertstate="firing", slo="ledger-writes", severity="critical", team="finance"})
                eval_time: 20m
                exp_samples:
                  - labels: '{}'
                    value: 1
          - interval: 1m
            input_series:
              - series: 'ledger_writes_total{job="billing"}'
                values: '0+60x60'
            promql_expr_test:
              - expr: count(ALERTS{alertname="BillingLedgerWritesErrorBudgetFastBurn"})
                eval_time: 40m
                exp_samples: []
              - expr: slo:sli_error:ratio_rate1h{slo="ledger-writes"}
                eval_time: 40m
                exp_samples:
                  - labels: 'slo:sli_error:ratio_rate1h{service="billing", slo="ledger-writes", team="finance"}'
                    value: 0
        """);
    String rules = Files.readString(folder.resolve("billing.rules.yml"));
    assertTrue(rules.contains("  - name: billing-slo\n"), rules);
    assertFalse(rules.contains("billing-golden-signals"), "no request metrics, no golden-signal group");

    ExternalTool.Run run = promtool.run("test", "rules", test.toString());

    assertEquals(0, run.exitCode(), run.output());
  }
}
