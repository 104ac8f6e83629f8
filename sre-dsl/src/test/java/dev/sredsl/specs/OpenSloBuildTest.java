package dev.sredsl.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.DefinitionsWithSpecs;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.testing.OutputValidators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assertions;

/**
 * OpenSLO files in a specs folder, as a team keeps them: the SLI in one file, the SLO and its alert
 * policy referring to it from another. The build reads them together with the Java definitions, and
 * the rules it generates pass promtool's checks and their generated tests.
 */
class OpenSloBuildTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of());

  @TempDir
  Path work;

  private static final String SLI = """
      apiVersion: openslo/v1
      kind: SLI
      metadata:
        name: search-errors
      spec:
        ratioMetric:
          counter: true
          bad:
            metricSource:
              type: Prometheus
              spec:
                query: search_requests_total{job="search",outcome="error"}
          total:
            metricSource:
              type: Prometheus
              spec:
                query: search_requests_total{job="search"}
      """;

  private static final String SLO = """
      apiVersion: openslo/v1
      kind: Service
      metadata:
        name: search
      spec:
        description: Finds products for a query.
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: search-availability
      spec:
        service: search
        description: Searches that do not fail.
        indicatorRef: search-errors
        timeWindow:
          - duration: 28d
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - target: 0.995
        alertPolicies:
          - kind: AlertPolicy
            metadata:
              name: search-fast-burn
              displayName: SearchFailing
            spec:
              conditions:
                - kind: AlertCondition
                  metadata:
                    name: fast-burn
                  spec:
                    severity: page
                    condition:
                      kind: burnrate
                      op: gt
                      threshold: 14.4
                      lookbackWindow: 1h
                      alertAfter: 5m
      """;

  private DefinitionsWithSpecs source(Path project, Declarations java) {
    return new DefinitionsWithSpecs(DefinitionsSource.of(java), project.resolve("src/main/sre"), project);
  }

  private Path project(String slo) throws IOException {
    Path project = Files.createDirectories(work.resolve("project"));
    Path specs = Files.createDirectories(project.resolve("src/main/sre"));
    Files.writeString(specs.resolve("search-sli.yaml"), SLI);
    Files.writeString(specs.resolve("search-slo.yaml"), slo);
    return project;
  }

  @Test
  void anSloReferringToAnSliInAnotherFileIsGeneratedAndPassesPromtool() throws IOException {
    Path project = project(SLO);
    Declarations java = new SreRegistry().service("search", s -> s.tier(Tier.HIGH)
        .owner(o -> o.team("discovery").onCall("discovery-primary").escalation("discovery-lead"))).declarations();
    Declarations declarations = source(project, java).load();
    assertEquals(List.of(), declarations.problems());
    GeneratedFiles files = new SrePipeline().generate(declarations, SETTINGS);
    Path out = Files.createDirectories(work.resolve("out"));
    List<Path> rules = new ArrayList<>();
    List<Path> tests = new ArrayList<>();
    for (GeneratedFile file : files.all()) {
      if (file.path().startsWith("prometheus/") && !file.path().contains("backfill")) {
        Path written = out.resolve(file.path().substring("prometheus/".length()));
        Files.write(written, file.content());
        (file.path().endsWith(".test.yml") ? tests : rules).add(written);
      }
    }
    String ruleText = Files.readString(rules.get(0));
    assertTrue(ruleText.contains("- alert: SearchFailing\n"), ruleText);
    assertTrue(ruleText.contains("sum(rate(search_requests_total{job=\"search\", outcome=\"error\"}[5m]))"), ruleText);
    // The policy gives the page tier only: no ticket alert.
    assertTrue(!ruleText.contains("ErrorBudgetSlowBurn"), ruleText);
    OutputValidators.promtoolCheckRules(rules);
    OutputValidators.promtoolTestRules(tests);
    String openSlo = files.get("openslo/search.yaml").orElseThrow().contentAsString();
    assertTrue(openSlo.contains("displayName: SearchFailing"), openSlo);
  }

  @Test
  void aCalendarWindowIsOneLineAtItsPlaceAndNothingIsBuilt() throws IOException {
    Path project = project(SLO.replace("isRolling: true", "isRolling: false\n      calendar:\n"
        + "        startTime: 2026-01-01 00:00:00\n        timeZone: UTC"));
    Declarations declarations = source(project, new Declarations(List.of(), List.of())).load();
    assertEquals(1, declarations.problems().size(), declarations.problems().toString());
    String line = declarations.problems().get(0).toString();
    assertTrue(line.startsWith("src/main/sre/search-slo.yaml:"), line);
    assertTrue(line.contains("calendar"), line);
    Assertions.assertThrows(DefinitionException.class, () -> new SrePipeline().generate(declarations, SETTINGS));
  }
}
