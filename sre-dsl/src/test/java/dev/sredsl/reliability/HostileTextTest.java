package dev.sredsl.reliability;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.testing.OutputValidators.JSON;
import static dev.sredsl.testing.OutputValidators.YAML;
import static dev.sredsl.testing.OutputValidators.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.OutputValidators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text a user writes goes through every generator as data: each file passes its real validator, and
 * parsed back it holds the text exactly. The one exception is Markdown, where each text is one line
 * (a list item, a table cell, a heading), so line breaks and other control characters read as spaces.
 * (A byte-order mark is refused by validation: see the bad-input corpus.)
 */
class HostileTextTest {

  /**
   * Metacharacters of YAML, JSON, Markdown, HTML, FreeMarker and Go templates, and control characters.
   * Summaries and descriptions of alerts are Go templates in Prometheus, so only those get text whose
   * braces are a valid template; everywhere else braces are plain text.
   */
  private static final List<String> HOSTILE = List.of(
      "plain: colon then space # and a hash",
      "- starts like a list item: yes",
      "quotes ' and \" and backslash \\ and a tab\tinside",
      "| pipe > angle <script>alert(1)</script> &amp; &",
      "line one\nline two\r\n\nline four",
      "${service.name} <#list x as y>${y}</#list> [#ftl] <@macro/>",
      "{\"json\": [1, 2], \"nested\": {\"a\": null}} ]]} ",
      "control \u0001\u0007\u001b[31m red \u007f and NEL \u0085 LS \u2028 PS \u2029",
      "emoji \uD83D\uDE80, right-to-left \u202Eoverride\u202C, zero width \u200B, word joiner \u2060",
      "yes", "null", "0.5", "~", "---", "...", "*bold* _em_ `code` [link](javascript:x) ![img](x)",
      "1. looks like an ordered list", "# looks like a heading", "   leading and trailing spaces   ");
  private static final List<String> TEMPLATES = List.of(
      "{{ $labels.instance }} is at {{ $value | humanizePercentage }}: see \"docs\" # now",
      "{{ printf \"%.2f\" $value }} > 1 | <b>bold</b> 'quoted'");
  private static final String TEAM = "payments: #1 'core' \"team\"";

  @TempDir
  static Path output;

  @BeforeAll
  static void generateEveryFileFromHostileText() {
    SreRegistry sre = new SreRegistry();
    sre.service("hostile", s -> {
      s.description(text(18)).tier(Tier.CRITICAL)
          .owner(o -> o.team(TEAM).onCall(text(1)).escalation(text(2)).chat(text(3)))
          .signals(Micrometer.httpServer())
          .saturation(Jvm.heapUsed())
          .signal(Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total{job=\"hostile\"}[5m]))")
              .describedAs(text(4)))
          .dependency(d -> d.database("orders-db").description(text(5)).via(Hikari.pool("orders")))
          .slo(Slo.availability(99.9).describedAs(text(6)))
          .panel(p -> p.title(text(7)).description(text(8)).unit("short").query("sum(up{job=\"hostile\"})"));
      for (int i = 0; i < HOSTILE.size(); i++) {
        String text = HOSTILE.get(i);
        String template = TEMPLATES.get(i % TEMPLATES.size());
        String summary = i % 2 == 0 ? template : text.replace("{", "(").replace("}", ")");
        s.alert("Hostile" + i, a -> a.when(errorRatio().above(0.05)).lasting("5m").severity(Severity.PAGE)
            .summary(summary)
            .description(template + " " + text.replace("{{", "( ").replace("}}", " )"))
            .label("note", text)
            .runbook(r -> r.symptoms(text).diagnose(text, text).mitigate(Step.safe(text), Step.risky(text, text))
                .escalate(text).link(text, "https://wiki.example.com/a?b=c&d=%22e%22#f")));
      }
    });
    new OutputWriter().write(output, new SrePipeline().generate(sre.declarations(),
        new GenerationSettings("https://git.example.com/runbooks", "https://grafana.example.com", Map.of())));
  }

  private static String text(int index) {
    return HOSTILE.get(index % HOSTILE.size());
  }

  @Test
  void promtoolAcceptsTheRulesAndTheirGeneratedTestsPass() {
    OutputValidators.promtoolCheckRules(OutputValidators.files(output, ".rules.yml"));
    OutputValidators.promtoolTestRules(OutputValidators.files(output, ".rules.test.yml"));
  }

  @Test
  void rulesHoldTheTextExactly() {
    JsonNode rules = read(YAML, output.resolve("prometheus/hostile.rules.yml"));
    JsonNode operator = read(YAML, output.resolve("kubernetes/hostile.prometheusrule.yaml"));
    assertEquals(rules.get("groups"), operator.at("/spec/groups"), "the PrometheusRule holds other rules");
    List<JsonNode> alerts = new ArrayList<>();
    rules.get("groups").forEach(g -> g.get("rules").forEach(r -> {
      if (r.path("alert").asText().matches("Hostile\\d+")) {
        alerts.add(r);
      }
    }));
    assertEquals(HOSTILE.size(), alerts.size());
    for (JsonNode alert : alerts) {
      int i = Integer.parseInt(alert.get("alert").asText().substring("Hostile".length()));
      String text = HOSTILE.get(i);
      String template = TEMPLATES.get(i % TEMPLATES.size());
      assertEquals(i % 2 == 0 ? template : text.replace("{", "(").replace("}", ")"),
          alert.at("/annotations/summary").asText());
      assertEquals(template + " " + text.replace("{{", "( ").replace("}}", " )"),
          alert.at("/annotations/description").asText());
      assertEquals(text, alert.at("/labels/note").asText());
      assertEquals(TEAM, alert.at("/labels/team").asText());
    }
  }

  @Test
  void dashboardsMatchGrafanasSchemaAndHoldTheTextExactly() {
    JsonNode dashboard = OutputValidators.grafanaDashboard(output.resolve("grafana/dashboards/hostile.json"));
    JsonNode embedded = read(YAML, output.resolve("kubernetes/hostile.grafanadashboard.yaml")).at("/spec/json");
    assertEquals(dashboard, assertJson(embedded.asText()), "the GrafanaDashboard embeds another dashboard");

    List<String> texts = new ArrayList<>();
    dashboard.findValues("title").forEach(v -> texts.add(v.asText()));
    dashboard.findValues("description").forEach(v -> texts.add(v.asText()));
    // Service, signal, dependency and panel texts; SLO descriptions go to the runbook only.
    for (int index : new int[] {18, 4, 5, 7, 8}) {
      assertTrue(texts.stream().anyMatch(t -> t.contains(text(index))),
          "the dashboard lost " + JSON.valueToTree(text(index)) + "; its texts are " + JSON.valueToTree(texts));
    }
  }

  @Test
  void catalogAndAlertmanagerHoldTheTextExactlyAndAmtoolAcceptsTheRoutes() throws IOException {
    JsonNode catalog = read(YAML, output.resolve("catalog/hostile.catalog-info.yaml"));
    assertEquals(text(18), catalog.at("/metadata/description").asText());

    Path routes = output.resolve("alertmanager/routes.yml");
    OutputValidators.amtoolCheckConfig(routes);
    // Alertmanager itself routes an alert of the team, by its label as Prometheus sends it, to the team.
    ExternalTool.Run route = ExternalTool.amtool().run("config", "routes", "test", "--config.file=" + routes,
        "--verify.receivers=" + TEAM + "-page",
        "team=\"" + TEAM.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", "severity=critical");
    assertEquals(0, route.exitCode(), route.output());
  }

  @Test
  void runbooksParseAsCommonMarkAndHoldEachTextOnOneLine() throws IOException {
    Path runbook = output.resolve("runbooks/hostile.md");
    List<String> texts = new ArrayList<>();
    OutputValidators.commonMark(runbook).accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        texts.add(text.getLiteral());
      }
    });
    String markdown = Files.readString(runbook);
    for (String text : HOSTILE) { // every text is a symptom, a step, a link title somewhere
      String oneLine = text.replace("\r\n", " ").replaceAll("[\\x00-\\x08\\x0a-\\x1f]", " ");
      assertTrue(texts.stream().anyMatch(t -> t.contains(oneLine.strip())),
          "the runbook lost " + JSON.valueToTree(oneLine) + ":\n" + markdown);
    }
    assertFalse(markdown.contains("<script>"), "raw HTML reached the runbook");
  }

  private static JsonNode assertJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
