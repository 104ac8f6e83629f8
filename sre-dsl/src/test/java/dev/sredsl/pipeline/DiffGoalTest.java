package dev.sredsl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.problem.SettingException;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sre:diff without Maven: the files it writes, the risks it fails on, and what it refuses. */
class DiffGoalTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of());

  @TempDir
  Path work;

  private static Declarations checkout(double objective, boolean acknowledged) {
    return Fixtures.declare("checkout", s -> {
      s.tier(Tier.CRITICAL)
          .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary"))
          .signals(Micrometer.httpServer())
          .slo(Slo.availability(objective));
      if (acknowledged) {
        s.acknowledgeRisk("availability", "Agreed with product until the migration ends.");
      }
    });
  }

  private Path generate(String folder, Declarations declarations) {
    Path out = work.resolve(folder);
    new SrePipeline().write(declarations, SETTINGS, out, null);
    return out;
  }

  @Test
  void writesThePlanAsMarkdownAndAsJsonThatMatchesItsSchema() throws IOException {
    Path baseline = generate("main", checkout(99.9, false));
    Path current = generate("sre", checkout(99.5, false));

    DiffOutcome outcome = new DiffGoal().run(baseline, current, List.of());

    assertTrue(outcome.passed(), "no rule, no failure");
    assertEquals(outcome.markdown(), Files.readString(current.resolve("diff/sre-diff.md")));
    JsonNode json = new ObjectMapper().readTree(current.resolve("diff/sre-diff.json").toFile());
    assertEquals(Set.of(), schemaProblems(json));
    assertEquals("sre-dsl/diff/v1", json.path("schema").asText());
    assertEquals("SLO_LOWERED", json.path("risks").path(0).path("risk").asText());
    assertEquals(List.of("checkout: SLO lowered: SLO availability: 99.9% over 30d: 43m12s of full outage → 99.5%"
        + " over 30d: 3h36m of full outage"), outcome.risks());
  }

  @Test
  void theEmptyPlanAlsoMatchesTheSchema() throws IOException {
    Path baseline = generate("main", checkout(99.9, false));
    Path current = generate("sre", checkout(99.9, false));
    DiffOutcome outcome = new DiffGoal().run(baseline, current, List.of("ALL"));
    assertTrue(outcome.plan().isEmpty());
    assertEquals("No monitoring change.\n", Files.readString(current.resolve("diff/sre-diff.md")));
    JsonNode json = new ObjectMapper().readTree(current.resolve("diff/sre-diff.json").toFile());
    assertEquals(Set.of(), schemaProblems(json));
    assertFalse(json.path("changed").asBoolean());
  }

  @Test
  void anUnacknowledgedRiskTheRulesNameFailsWithTheFixAndAnAcknowledgedOneDoesNot() {
    Path baseline = generate("main", checkout(99.9, false));
    Path risky = generate("risky", checkout(99.5, false));
    Path acknowledged = generate("acknowledged", checkout(99.5, true));

    DiffOutcome failing = new DiffGoal().run(baseline, risky, List.of("SLO_LOWERED,ALERT_REMOVED"));
    DiffOutcome passing = new DiffGoal().run(baseline, acknowledged, List.of("ALL"));
    DiffOutcome otherRule = new DiffGoal().run(baseline, risky, List.of("ALERT_REMOVED"));

    assertEquals(List.of("checkout: SLO lowered: SLO availability: 99.9% over 30d: 43m12s of full outage → 99.5% over"
        + " 30d: 3h36m of full outage; if this is meant, say why in the definitions:"
        + " service.acknowledgeRisk(\"availability\", \"why\")"), failing.violations());
    assertTrue(passing.passed(), passing.violations().toString());
    assertTrue(passing.markdown().contains("(acknowledged: Agreed with product until the migration ends.)"));
    assertTrue(otherRule.passed());
  }

  @Test
  void aWrongBaselineWritesNothingAndKeepsTheLastPlan() throws IOException {
    Path baseline = generate("main", checkout(99.9, false));
    Path current = generate("sre", checkout(99.5, false));
    new DiffGoal().run(baseline, current, List.of());
    String lastPlan = Files.readString(current.resolve("diff/sre-diff.md"));
    Path notOutput = Files.createDirectories(work.resolve("docs"));

    SettingException wrong = assertThrows(SettingException.class,
        () -> new DiffGoal().run(notOutput, current, List.of()));

    assertTrue(wrong.getMessage().startsWith("sre.diffBaseline: " + notOutput + " is not sre-dsl output"),
        wrong.getMessage());
    assertEquals(lastPlan, Files.readString(current.resolve("diff/sre-diff.md")));
  }

  @Test
  void anUnknownRiskAndMissingOutputAreOneLineEachAndWriteNothing() {
    Path baseline = generate("main", checkout(99.9, false));
    Path current = generate("sre", checkout(99.9, false));
    SettingException unknown = assertThrows(SettingException.class,
        () -> new DiffGoal().run(baseline, current, List.of("SLO_LOWRED")));
    assertEquals("sre.failOnRisks: SLO_LOWRED is no risk; use ALL, NONE or some of ALERT_REMOVED, SEVERITY_LOWERED,"
        + " THRESHOLD_LOOSENED, FOR_LENGTHENED, WINDOW_WIDENED, SLO_LOWERED, SLO_ALERTS_OFF, ROUTE_LOST_RECEIVER,"
        + " ESCALATION_REMOVED, OWNERSHIP_REMOVED", unknown.getMessage());
    Path empty = work.resolve("empty");
    SettingException missing = assertThrows(SettingException.class,
        () -> new DiffGoal().run(baseline, empty, List.of()));
    assertEquals("sre:diff: " + empty + " holds no generated output; run sre:generate first, e.g. mvn"
        + " process-classes sre:diff", missing.getMessage());
    assertFalse(Files.exists(current.resolve("diff")));
    assertFalse(Files.exists(empty));
  }

  @Test
  void theSameOutputGivesTheSameBytesTwice() throws IOException {
    Path baseline = generate("main", checkout(99.9, false));
    Path current = generate("sre", checkout(99.95, false));
    new DiffGoal().run(baseline, current, List.of());
    byte[] first = Files.readAllBytes(current.resolve("diff/sre-diff.json"));
    byte[] firstMd = Files.readAllBytes(current.resolve("diff/sre-diff.md"));
    new DiffGoal().run(baseline, current, List.of());
    assertEquals(new String(first), Files.readString(current.resolve("diff/sre-diff.json")));
    assertEquals(new String(firstMd), Files.readString(current.resolve("diff/sre-diff.md")));
    assertTrue(Files.isRegularFile(current.resolve("diff").resolve(OutputWriter.MANIFEST)));
  }

  private static Set<String> schemaProblems(JsonNode json) throws IOException {
    try (InputStream schema = DiffGoalTest.class.getResourceAsStream("/dev/sredsl/diff/sre-diff.schema.json")) {
      JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
      return validator.validate(json).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }
  }
}
