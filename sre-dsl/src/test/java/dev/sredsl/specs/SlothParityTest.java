package dev.sredsl.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.DefinitionsWithSpecs;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.OutputValidators;
import dev.sredsl.testing.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sloth's own example specs, read as a team's {@code src/main/sre/} would be: each loads, its generated
 * rules pass {@code promtool check rules} and the generated tests, and its burn-rate alerts fire and
 * stay silent like the rules Sloth generated for the same spec. Both rule files are driven with the
 * same input series under {@code promtool test rules}, and each alert's firing is read from
 * Prometheus' own {@code ALERTS} series: Sloth's by its {@code sloth_severity} label, the build's by
 * name (the page alert takes {@code alerting.name}, the ticket alert that name and {@code Ticket}).
 */
class SlothParityTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of());

  @TempDir
  Path work;

  private static Path sloth() {
    return SharedTestData.folder("peer-specs", "sredsl.peerSpecsDir", "Sloth's example specs").resolve("sloth");
  }

  /** An SLO of a spec and which of its alerts fire in a case: page and ticket, ticket only, or none. */
  private record Expected(String service, String slo, String pageAlert, String ticketAlert, boolean page,
      boolean ticket) {}

  /** A case: series held steady from the start, and what fires after two hours of them. */
  private record Case(String name, List<String> series, List<Expected> expected) {}

  private static List<String> requests(String job, int badPerMinute, int goodPerMinute) {
    return List.of(
        "{series: 'http_request_duration_seconds_count{job=\"" + job + "\",code=\"500\"}', values: '0+"
            + badPerMinute + "x130'}",
        "{series: 'http_request_duration_seconds_count{job=\"" + job + "\",code=\"200\"}', values: '0+"
            + goodPerMinute + "x130'}");
  }

  /** Ten wifi clients' satisfaction, {@code low} of them at {@code lowValue}, the rest at 0.99. */
  private static List<String> wifi(int low, double lowValue) {
    List<String> series = new ArrayList<>();
    for (int client = 0; client < 10; client++) {
      double value = client < low ? lowValue : 0.99;
      series.add("{series: 'unifipoller_client_satisfaction_ratio{name=\"client-" + client + "\"}', values: '"
          + value + "+0x130'}");
    }
    return series;
  }

  private static Expected both(String service, String slo, String alert, boolean page, boolean ticket) {
    return new Expected(service, slo, alert, alert + SlothSlos.TICKET_SUFFIX, page, ticket);
  }

  private static List<Case> cases(String spec) {
    return switch (spec) {
      // 99.9%: 5% errors burn 50 times the budget (both tiers); 0.5% burns 5 times (ticket: 1d and 2h
      // above 3x, page needs 6x); 0.05% burns half the budget (silent).
      case "getting-started.yml" -> List.of(
          new Case("fast burn", requests("myservice", 300, 5700),
              List.of(both("myservice", "requests-availability", "MyServiceHighErrorRate", true, true))),
          new Case("slow burn", requests("myservice", 30, 5970),
              List.of(both("myservice", "requests-availability", "MyServiceHighErrorRate", false, true))),
          new Case("healthy", requests("myservice", 3, 5997),
              List.of(both("myservice", "requests-availability", "MyServiceHighErrorRate", false, false))));
      // Two services read the same series; 99.99% pages where 99.9% only tickets.
      case "multifile.yml" -> List.of(
          new Case("slow burn for one, fast for the other", requests("myservice", 30, 5970),
              List.of(both("myservice", "requests-availability", "MyServiceHighErrorRate", false, true),
                  both("myservice2", "requests-availability", "MyServiceHighErrorRate", true, true))),
          new Case("healthy for one, slow burn for the other", requests("myservice", 3, 19997),
              List.of(both("myservice", "requests-availability", "MyServiceHighErrorRate", false, false),
                  both("myservice2", "requests-availability", "MyServiceHighErrorRate", false, true))));
      // 95% over clients below 0.75; 99.9% over clients below 0.5.
      case "home-wifi.yml" -> List.of(
          new Case("most clients very unhappy", wifi(8, 0.4),
              List.of(both("home-wifi", "good-wifi-client-satisfaction", "GoodWifiClientSatisfaction", true, true),
                  both("home-wifi", "risk-wifi-client-satisfaction", "RiskWifiClientSatisfaction", true, true))),
          new Case("a fifth of clients unhappy", wifi(2, 0.6),
              List.of(both("home-wifi", "good-wifi-client-satisfaction", "GoodWifiClientSatisfaction", false, true),
                  both("home-wifi", "risk-wifi-client-satisfaction", "RiskWifiClientSatisfaction", false, false))),
          new Case("all happy", wifi(0, 0.6),
              List.of(both("home-wifi", "good-wifi-client-satisfaction", "GoodWifiClientSatisfaction", false, false),
                  both("home-wifi", "risk-wifi-client-satisfaction", "RiskWifiClientSatisfaction", false, false))));
      // 95% on the average satisfaction: 0.2 average is an error ratio of 80% (both tiers); 0.79 of 21%.
      case "raw-home-wifi.yml" -> List.of(
          new Case("satisfaction collapsed", wifi(10, 0.2),
              List.of(both("home-wifi", "wifi-client-satisfaction", "WifiClientSatisfaction", true, true))),
          new Case("satisfaction down", wifi(10, 0.79),
              List.of(both("home-wifi", "wifi-client-satisfaction", "WifiClientSatisfaction", false, true))),
          new Case("satisfaction fine", wifi(0, 0.6),
              List.of(both("home-wifi", "wifi-client-satisfaction", "WifiClientSatisfaction", false, false))));
      // Both alerts disabled: nothing fires, whatever the errors.
      case "no-alerts.yml" -> List.of(
          new Case("all failing", requests("myapp", 6000, 0),
              List.of(new Expected("myapp", "http-availability", "MyappHttpAvailabilityErrorBudgetFastBurn",
                  "MyappHttpAvailabilityErrorBudgetSlowBurn", false, false))));
      default -> throw new IllegalArgumentException(spec);
    };
  }

  private GeneratedFiles generate(Path spec) throws IOException {
    Path project = Files.createDirectories(work.resolve("project"));
    Path specs = Files.createDirectories(project.resolve("src/main/sre"));
    Files.copy(spec, specs.resolve(spec.getFileName()));
    DefinitionsWithSpecs source = new DefinitionsWithSpecs(DefinitionsSource.of(new Declarations(List.of(),
        List.of())), specs, project);
    return new SrePipeline().generate(source.load(), SETTINGS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"getting-started.yml", "multifile.yml", "home-wifi.yml", "raw-home-wifi.yml",
      "no-alerts.yml"})
  void loadsPassesPromtoolAndAlertsLikeSloth(String spec) throws IOException {
    GeneratedFiles files = generate(sloth().resolve(spec));
    Path ours = Files.createDirectories(work.resolve("ours"));
    List<Path> rules = new ArrayList<>();
    List<Path> tests = new ArrayList<>();
    for (GeneratedFile file : files.all()) {
      if (file.path().startsWith("prometheus/") && !file.path().endsWith(".backfill.yml")) {
        Path written = ours.resolve(file.path().substring("prometheus/".length()));
        Files.write(written, file.content());
        (file.path().endsWith(".rules.test.yml") ? tests : rules).add(written);
      }
    }
    assertFalse(rules.isEmpty(), "no rules generated for " + spec);
    OutputValidators.promtoolCheckRules(rules);
    OutputValidators.promtoolTestRules(tests);

    List<Path> slothRules = slothRuleFiles(sloth().resolve("_gen").resolve(spec));
    List<Path> parity = new ArrayList<>();
    int index = 0;
    for (Case c : cases(spec)) {
      parity.add(write("sloth-" + index, slothRules, c, true));
      parity.add(write("ours-" + index, rules, c, false));
      index++;
    }
    OutputValidators.promtoolTestRules(parity);
  }

  /**
   * Sloth's rules, one file per YAML document: Sloth writes a spec file of several services as several
   * documents, and promtool reads the first document of a rule file only.
   */
  private List<Path> slothRuleFiles(Path generated) throws IOException {
    List<Path> files = new ArrayList<>();
    String[] documents = Files.readString(generated).split("(?m)^---\\s*$");
    for (String document : documents) {
      if (document.contains("groups:")) {
        Path file = work.resolve("sloth-rules-" + files.size() + ".yml");
        Files.writeString(file, document);
        files.add(file);
      }
    }
    return files;
  }

  /** A promtool test of one case against one rule set: how many of each alert fire at 2h. */
  private Path write(String name, List<Path> ruleFiles, Case c, boolean sloth) throws IOException {
    StringBuilder yaml = new StringBuilder("rule_files:\n");
    ruleFiles.forEach(f -> yaml.append("  - ").append(f.toAbsolutePath()).append('\n'));
    yaml.append("evaluation_interval: 1m\ntests:\n  - name: '").append(c.name()).append("'\n    interval: 1m\n")
        .append("    input_series:\n");
    c.series().forEach(s -> yaml.append("      - ").append(s).append('\n'));
    yaml.append("    promql_expr_test:\n");
    for (Expected e : c.expected()) {
      expect(yaml, sloth ? slothAlerts(e, "page") : ourAlerts(e, e.pageAlert()), e.page());
      expect(yaml, sloth ? slothAlerts(e, "ticket") : ourAlerts(e, e.ticketAlert()), e.ticket());
    }
    Path file = work.resolve(name + ".test.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String slothAlerts(Expected e, String severity) {
    return "ALERTS{alertstate=\"firing\",sloth_service=\"" + e.service() + "\",sloth_slo=\"" + e.slo()
        + "\",sloth_severity=\"" + severity + "\"}";
  }

  private static String ourAlerts(Expected e, String alert) {
    return "ALERTS{alertstate=\"firing\",service=\"" + e.service() + "\",slo=\"" + e.slo() + "\",alertname=\""
        + alert + "\"}";
  }

  private static void expect(StringBuilder yaml, String alerts, boolean fires) {
    yaml.append("      - expr: 'count(").append(alerts.replace("'", "''")).append(") or vector(0)'\n")
        .append("        eval_time: 2h\n")
        .append("        exp_samples:\n          - labels: '{}'\n            value: ").append(fires ? 1 : 0).append('\n');
  }

  @Test
  void labelsTheBuildSetsItselfAreDroppedWithAWarning() throws IOException {
    Path project = Files.createDirectories(work.resolve("warn"));
    Path specs = Files.createDirectories(project.resolve("src/main/sre"));
    Files.copy(sloth().resolve("getting-started.yml"), specs.resolve("getting-started.yml"));
    DefinitionsWithSpecs source = new DefinitionsWithSpecs(DefinitionsSource.of(new Declarations(List.of(),
        List.of())), specs, project);
    Declarations declarations = source.load();
    assertTrue(declarations.problems().isEmpty(), declarations.problems().toString());
    assertEquals(2, source.warnings().size(), source.warnings().toString());
    assertTrue(source.warnings().get(0).startsWith("src/main/sre/getting-started.yml:9:5: the page alert label"
        + " 'severity' (pageteam) is not kept"), source.warnings().get(0));
  }
}
