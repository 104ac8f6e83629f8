package dev.sredsl.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Naming;
import dev.sredsl.generate.grafana.DashboardGenerator;
import dev.sredsl.generate.grafana.GrafanaVariables;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import dev.sredsl.verify.LoadedRule;
import dev.sredsl.verify.PrometheusApi;
import dev.sredsl.verify.RuleFiles;
import dev.sredsl.verify.Verification;
import dev.sredsl.verify.VerifyInputs;
import dev.sredsl.verify.VerifyReports;
import dev.sredsl.verify.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What {@code sre:verify} does, without Maven: validates the definitions as every goal does, generates
 * their rules and dashboards in memory, checks them against a live server and backtests every alert
 * (beside a baseline's rules when given), then writes {@code verify/sre-verify.json} and {@code .md}
 * under the output folder, only once everything succeeded.
 */
public final class VerifyGoal {

  /** The folder under the output folder that verification writes. */
  public static final String REPORTS_FOLDER = "verify";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param baselineRules a folder of another build's rule files to backtest beside these, or {@code null}
   * @param progress receives a line per service while the run goes on
   * @throws dev.sredsl.problem.SettingException when the baseline folder is wrong
   * @throws dev.sredsl.problem.DefinitionException when the definitions are invalid
   * @throws dev.sredsl.verify.PrometheusApiException when the server fails; nothing is written
   */
  public VerifyOutcome run(DefinitionsSource source, GenerationSettings settings, PrometheusApi api,
      Verification.Settings verification, Path baselineRules, Path outputDirectory, Consumer<String> progress) {
    List<LoadedRule> baseline = baselineRules == null ? null : RuleFiles.read(baselineRules, "sre.baselineRules");
    dev.sredsl.dsl.Declarations declarations = source.load();
    // Validated and generated in one pass; when it returns, the declared services are valid.
    GeneratedFiles files = new SrePipeline().generate(declarations, settings);
    List<VerifyInputs> inputs = new ArrayList<>();
    for (Service service : declarations.services()) {
      inputs.add(inputs(service, files));
    }
    Verification.Settings limited = verification;
    java.util.Optional<java.time.Duration> retention = api.retention();
    if (retention.isPresent() && retention.get().compareTo(verification.window()) < 0) {
      progress.accept("The backtest window is limited to the server's retention of "
          + dev.sredsl.promql.PromDuration.format(retention.get()));
      limited = new Verification.Settings(verification.end(), retention.get(), verification.step(),
          verification.lookback(), verification.maxPagesPerWeek(), verification.maxTicketsPerWeek(),
          verification.threads());
    }
    VerifyResult result = new Verification(api, limited, progress).run(inputs, baseline);
    GeneratedFiles reports = new GeneratedFiles();
    VerifyReports.write(result).forEach(reports::add);
    Path folder = outputDirectory.resolve(REPORTS_FOLDER);
    new OutputWriter().write(folder, reports);
    String markdown = reports.get(VerifyReports.MARKDOWN_FILE).orElseThrow().contentAsString();
    List<String> messages = new ArrayList<>();
    messages.add(String.format(Locale.ROOT, "SRE verify of %d services written to %s", inputs.size(), folder));
    if (result.violations().isEmpty()) {
      messages.add("All verify checks have been met");
    }
    return new VerifyOutcome(result, markdown, messages);
  }

  private static VerifyInputs inputs(Service service, GeneratedFiles files) {
    GeneratedFile rulesFile = files.get(Naming.rulesFile(service)).orElseThrow();
    List<LoadedRule> rules = RuleFiles.parse(Path.of(rulesFile.path()).getFileName().toString(),
        rulesFile.contentAsString());
    List<VerifyInputs.PanelQuery> panels = new ArrayList<>();
    files.get(DashboardGenerator.dashboardFile(service)).ifPresent(dashboard -> panels.addAll(panels(dashboard)));
    List<VerifyInputs.SloTarget> slos = new ArrayList<>();
    for (Slo slo : service.slos()) {
      slos.add(new VerifyInputs.SloTarget(slo.name(), slo.objectivePercent(), slo.period()));
    }
    java.util.Set<String> badEvents = service.requestMetrics()
        .map(r -> java.util.Set.of(r.failedRequests().toString())).orElse(java.util.Set.of());
    return new VerifyInputs(service.name(), service.owner().team(), rules, panels, slos, badEvents);
  }

  /** Every panel target's query, panels of rows included, Grafana's variables replaced. */
  private static List<VerifyInputs.PanelQuery> panels(GeneratedFile dashboard) {
    JsonNode root;
    try {
      root = JSON.readTree(dashboard.contentAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : root.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    List<VerifyInputs.PanelQuery> queries = new ArrayList<>();
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText("");
        if (expr.isBlank()) {
          continue;
        }
        try {
          queries.add(new VerifyInputs.PanelQuery(panel.path("title").asText(""),
              PromQL.parse(GrafanaVariables.substitute(expr).text())));
        } catch (PromQLException unparsable) {
          // The validation stage's lint has refused such a query already.
        }
      }
    }
    return queries;
  }
}
