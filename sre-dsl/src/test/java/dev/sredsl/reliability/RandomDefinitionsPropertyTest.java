package dev.sredsl.reliability;

import static dev.sredsl.testing.OutputValidators.YAML;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.OutputValidators;
import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.diff.MonitoringDiff;
import dev.sredsl.generate.openslo.OpenSloGenerator;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.specs.ImportedSlos;
import dev.sredsl.specs.OpenSloReader;
import dev.sredsl.specs.OpenSloSlos;
import dev.sredsl.specs.SpecYaml;
import dev.sredsl.diff.OutputTree;
import dev.sredsl.diff.Plan;
import dev.sredsl.diff.PlanMarkdown;
import dev.sredsl.diff.PlanMarkdownTest;
import dev.sredsl.promql.PromDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of every valid definition, checked on {@value #DEFAULT_COUNT} random ones per run (seed
 * {@value #DEFAULT_SEED}; {@code -Dsredsl.seed=...} and {@code -Dsredsl.definitions=...} explore
 * further): validation accepts them, generating twice gives the same bytes, promtool accepts every rules
 * file and passes the generated rule tests of a sample, every dashboard matches Grafana's schema, amtool accepts
 * every Alertmanager configuration, and every runbook is CommonMark without HTML whose headings are
 * the anchors the alerts link to. The validators run over all files at once, in batches.
 */
class RandomDefinitionsPropertyTest {

  static final long DEFAULT_SEED = 20_261_127L;
  static final int DEFAULT_COUNT = 1_000;
  private static final long SEED = Long.getLong("sredsl.seed", DEFAULT_SEED);
  private static final int COUNT = Integer.getInteger("sredsl.definitions", DEFAULT_COUNT);
  private static final int RULE_TEST_SAMPLE = Integer.getInteger("sredsl.ruleTestSample", 5);
  private static final Duration RULE_TEST_HORIZON = Duration.ofHours(2);
  private static final int DIFF_SAMPLE = Integer.getInteger("sredsl.diffSample", 100);
  private static final int ROUTES_TEST_SAMPLE = Integer.getInteger("sredsl.routesTestSample", 25);
  private static final String RUNBOOKS = "https://git.example.com/runbooks";
  private static final GenerationSettings SETTINGS = new GenerationSettings(RUNBOOKS, "https://grafana.example.com",
      Map.of("release", "prometheus"));

  @TempDir
  static Path work;

  @BeforeAll
  static void generateEveryDefinitionTwiceAndWriteIt() {
    RandomDefinitions random = new RandomDefinitions(SEED);
    SrePipeline pipeline = new SrePipeline();
    int services = 0;
    int files = 0;
    for (int i = 0; i < COUNT; i++) {
      Declarations declarations = random.next();
      GeneratedFiles first = generate(pipeline, declarations, i);
      GeneratedFiles second = generate(pipeline, declarations, i);
      assertSameFiles(first, second, i);
      new OutputWriter().write(output(i), first);
      services += declarations.services().size();
      files += first.size();
    }
    System.out.printf(Locale.ROOT, "seed %d: %d definitions, %d services, %d files%n", SEED, COUNT, services, files);
  }

  private static GeneratedFiles generate(SrePipeline pipeline, Declarations declarations, int index) {
    try {
      return pipeline.generate(declarations, SETTINGS);
    } catch (DefinitionException refused) {
      return fail(where(index) + " are valid but were refused: " + refused.problems());
    }
  }

  private static void assertSameFiles(GeneratedFiles first, GeneratedFiles second, int index) {
    List<GeneratedFile> a = List.copyOf(first.all());
    List<GeneratedFile> b = List.copyOf(second.all());
    assertEquals(a.stream().map(GeneratedFile::path).toList(), b.stream().map(GeneratedFile::path).toList(), where(index));
    for (int f = 0; f < a.size(); f++) {
      assertArrayEquals(a.get(f).content(), b.get(f).content(), where(index) + ": " + a.get(f).path() + " differs");
    }
  }

  private static String where(int index) {
    return "definitions #" + index + " of seed " + SEED;
  }

  private static Path output(int index) {
    return work.resolve("def-" + index);
  }

  @Test
  void promtoolAcceptsEveryRulesFile() {
    OutputValidators.promtoolCheckRules(OutputValidators.files(work, ".rules.yml"));
  }

  /**
   * The generated promtool tests run alerts through their whole 'for' at one-minute steps, so they pass
   * for an evenly spread sample ({@code -Dsredsl.ruleTestSample} definitions). From each stretch of
   * definitions the sample takes the first whose tests simulate at most {@link #RULE_TEST_HORIZON}:
   * one random alert held for a day costs promtool a minute and a half, and the generator writes long
   * holds the way it writes short ones ({@code RuleTestsGeneratorTest} pins a held alert).
   */
  @Test
  void theGeneratedRuleTestsPassForASample() {
    int step = Math.max(1, COUNT / RULE_TEST_SAMPLE);
    List<Path> tests = new ArrayList<>();
    for (int from = 0; from < COUNT; from += step) {
      for (int i = from; i < Math.min(COUNT, from + step); i++) {
        List<Path> files = OutputValidators.files(output(i), ".rules.test.yml");
        if (files.stream().allMatch(f -> simulatedTime(f).compareTo(RULE_TEST_HORIZON) <= 0)) {
          tests.addAll(files);
          break;
        }
      }
    }
    assertTrue(tests.size() >= RULE_TEST_SAMPLE, tests.size() + " rule test files in the sample");
    OutputValidators.promtoolTestRules(tests);
  }

  /** The latest evaluation time of any case in a generated promtool test file. */
  private static Duration simulatedTime(Path testFile) {
    Duration latest = Duration.ZERO;
    for (JsonNode test : OutputValidators.read(YAML, testFile).get("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        Duration at = PromDuration.parse(check.get("eval_time").asText());
        latest = at.compareTo(latest) > 0 ? at : latest;
      }
    }
    return latest;
  }

  /**
   * Every SLO of every random definition, written as OpenSLO and read back as the build reads a spec,
   * is the same SLO: service, name, objective, period, description, tiers, the conditions of each tier
   * (the default tables written out) and the alert names.
   */
  @Test
  void everySloWrittenAsOpenSloReadsBackTheSame() {
    RandomDefinitions random = new RandomDefinitions(SEED);
    OpenSloGenerator generator = new OpenSloGenerator();
    int slos = 0;
    for (int i = 0; i < COUNT; i++) {
      for (Service service : random.next().services()) {
        if (service.slos().isEmpty()) {
          continue;
        }
        GeneratedFile file = generator.generate(service);
        String where = where(i) + ", service " + service.name() + ":\n" + file.contentAsString();
        ImportedSlos read = OpenSloSlos.toModel(file.path(), OpenSloReader.read(SpecYaml.read(file.content(),
            file.path())));
        assertEquals(service.slos().size(), read.slos().size(), where);
        for (int s = 0; s < service.slos().size(); s++) {
          Slo written = service.slos().get(s);
          Slo back = read.slos().get(s).slo();
          assertEquals(service.name(), read.slos().get(s).service(), where);
          assertEquals(written.name(), back.name(), where);
          assertEquals(written.objectivePercent(), back.objectivePercent(), where);
          assertEquals(written.period(), back.period(), where);
          assertEquals(written.description(), back.description(), where);
          assertEquals(written.pageAlerts(), back.pageAlerts(), where);
          assertEquals(written.ticketAlerts(), back.ticketAlerts(), where);
          if (written.pageAlerts()) {
            assertSameConditions(written, back, BurnRates.AlertTier.FAST, where);
            assertEquals(AlertNames.fastBurnAlert(service, written), AlertNames.fastBurnAlert(service, back), where);
          }
          if (written.ticketAlerts()) {
            assertSameConditions(written, back, BurnRates.AlertTier.SLOW, where);
            assertEquals(AlertNames.slowBurnAlert(service, written), AlertNames.slowBurnAlert(service, back), where);
          }
          slos++;
        }
      }
    }
    assertTrue(slos > COUNT / 2, "only " + slos + " SLOs");
  }

  /**
   * The same windows and burn rates: a condition declared as a share of the budget reads back as the
   * burn rate it means, which OpenSLO writes to a double's precision.
   */
  private static void assertSameConditions(Slo written, Slo back, BurnRates.AlertTier tier, String where) {
    List<BurnRateWindow> expected = BurnRates.windows(written, tier);
    List<BurnRateWindow> actual = BurnRates.windows(back, tier);
    assertEquals(expected.size(), actual.size(), where);
    for (int w = 0; w < expected.size(); w++) {
      assertEquals(expected.get(w).longWindow(), actual.get(w).longWindow(), where);
      assertEquals(expected.get(w).shortWindow(), actual.get(w).shortWindow(), where);
      double factor = expected.get(w).factor(written.period()).doubleValue();
      assertEquals(factor, actual.get(w).factor(back.period()).doubleValue(), Math.ulp(factor) * 4, where);
    }
  }

  /**
   * sre:diff on random output: a build compared with itself is "No monitoring change.", and compared
   * with the previous random definitions gives a plan of Markdown with no HTML but the collapsible
   * sections, within a comment's length, for an evenly spread sample ({@code -Dsredsl.diffSample}).
   */
  @Test
  void theDiffOfABuildWithItselfIsEmptyAndWithAnotherIsAPlan() {
    int step = Math.max(1, COUNT / DIFF_SAMPLE);
    for (int i = step; i < COUNT; i += step) {
      OutputTree previous = OutputTree.read(output(i - 1), "sre.diffBaseline");
      OutputTree current = OutputTree.read(output(i), "sre.diffBaseline");
      Plan same = new MonitoringDiff("sre.diffBaseline").compare(current, current);
      assertEquals(PlanMarkdown.NO_CHANGE + "\n", PlanMarkdown.render(same), where(i));
      String plan = PlanMarkdown.render(new MonitoringDiff("sre.diffBaseline").compare(previous, current));
      assertTrue(plan.length() <= PlanMarkdown.BUDGET, where(i));
      PlanMarkdownTest.assertOnlyCollapsibleHtml(plan);
    }
  }

  @Test
  void everyDashboardMatchesGrafanasSchema() {
    List<Path> dashboards = OutputValidators.files(work, ".json").stream()
        .filter(p -> p.getParent().endsWith(Path.of("grafana", "dashboards"))).toList();
    assertTrue(dashboards.size() >= COUNT, dashboards.size() + " dashboards");
    dashboards.forEach(OutputValidators::grafanaDashboard);
  }

  @Test
  void amtoolAcceptsEveryAlertmanagerConfiguration() {
    OutputValidators.amtoolCheckConfig(OutputValidators.files(work, "alertmanager/routes.yml"));
  }

  /**
   * Every routing expectation reaches its receiver when run as the README says (sh, xargs, amtool), for
   * an evenly spread sample ({@code -Dsredsl.routesTestSample} definitions): amtool starts once per case.
   */
  @Test
  void theRoutingExpectationsPassForASample() {
    int step = Math.max(1, COUNT / ROUTES_TEST_SAMPLE);
    for (int i = 0; i < COUNT; i += step) {
      OutputValidators.amtoolRoutesTests(output(i).resolve("alertmanager"));
    }
  }

  @Test
  void everyRunbookIsCommonMarkWithoutHtmlAndHasTheAnchorsTheAlertsLinkTo() {
    for (int i = 0; i < COUNT; i++) {
      Set<String> linked = new HashSet<>();
      for (Path rules : OutputValidators.files(output(i), ".rules.yml")) {
        OutputValidators.read(YAML, rules).get("groups").forEach(g -> g.get("rules").forEach(rule -> {
          JsonNode url = rule.at("/annotations/runbook_url");
          if (!url.isMissingNode()) {
            linked.add(url.asText().substring(RUNBOOKS.length() + 1));
          }
        }));
      }
      Set<String> anchors = new HashSet<>();
      for (Path runbook : OutputValidators.files(output(i), ".md")) {
        Node document = OutputValidators.commonMark(runbook);
        String file = output(i).resolve("runbooks").relativize(runbook).toString();
        document.accept(new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            anchors.add(file + "#" + anchor(heading));
          }

          @Override
          public void visit(HtmlBlock html) {
            fail(where(0) + ": HTML in " + runbook + ": " + html.getLiteral());
          }

          @Override
          public void visit(HtmlInline html) {
            fail(where(0) + ": HTML in " + runbook + ": " + html.getLiteral());
          }
        });
      }
      int index = i;
      linked.forEach(link -> assertTrue(anchors.contains(link),
          where(index) + ": an alert links to " + link + ", which no heading of the runbooks is; headings: " + anchors));
    }
  }

  /** The anchor GitHub gives a heading: its text lower-cased, spaces to dashes, punctuation dropped. */
  private static String anchor(Heading heading) {
    StringBuilder text = new StringBuilder();
    heading.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        text.append(t.getLiteral());
      }
    });
    return text.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").strip()
        .replaceAll("\\s", "-");
  }
}
