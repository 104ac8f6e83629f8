package dev.sredsl.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.maven.CapturingLog.Level;
import dev.sredsl.maven.fixtures.CompleteMonitoring;
import dev.sredsl.maven.fixtures.RunbookGapMonitoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * sre:check, the coverage gate, as a user configures it: rules from a test POM ({@code <rules>} as in
 * jacoco:check), user properties, and what the gate writes to {@code target/sre/coverage} and logs.
 */
@MojoTest
class CheckMojoTest extends MojoTestSupport {

  private static final String GATE_FAILED = "Coverage checks have not been met. See log for details.";
  private static final String RUNBOOK_GAP = "service orders: runbook coverage is 0.50, expected minimum 1.00;"
      + " alerts without a runbook: " + RunbookGapMonitoring.ALERT_WITHOUT_RUNBOOK;

  @Test
  @InjectMojo(goal = "check")
  void theDefaultPolicyPassesForACompleteServiceAndWritesBothReports(CheckMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    Path json = file("target/sre/coverage/sre-coverage.json");
    Path markdown = file("target/sre/coverage/sre-coverage.md");
    assertTrue(Files.isRegularFile(json), "no " + json);
    assertTrue(Files.isRegularFile(markdown), "no " + markdown);
    JsonNode coverage = new ObjectMapper().readTree(json.toFile());
    assertEquals("sre-dsl/coverage/v1", coverage.path("schema").asText());
    assertEquals(1, coverage.path("services").size(), coverage.toString());
    JsonNode service = coverage.path("services").get(0);
    assertEquals(CompleteMonitoring.SERVICE, service.path("name").asText());
    assertEquals(1.0, service.path("counters").path("RUNBOOK").path("ratio").asDouble(), coverage.toString());
    assertEquals(0, coverage.path("violations").size(), coverage.toString());
    assertTrue(Files.readString(markdown).contains(CompleteMonitoring.SERVICE), Files.readString(markdown));
    assertEquals(List.of(), log.at(Level.WARNING), log.all());
    assertTrue(log.at(Level.INFO).contains("All coverage checks have been met"), log.all());
    assertFalse(Files.exists(file("target/sre/prometheus")), "sre:check writes only into coverage/");
  }

  @Test
  @InjectMojo(goal = "check")
  void aGapFailsTheBuildWithOneWarningPerViolation(CheckMojo mojo) throws Exception {
    compile(RunbookGapMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(GATE_FAILED, failure.getMessage());
    assertEquals(List.of(RUNBOOK_GAP), log.at(Level.WARNING), log.all());
    String markdown = Files.readString(file("target/sre/coverage/sre-coverage.md"));
    assertTrue(markdown.contains("### Violations"), "the report is written even when the gate fails:\n" + markdown);
    JsonNode coverage = new ObjectMapper().readTree(file("target/sre/coverage/sre-coverage.json").toFile());
    assertEquals(RUNBOOK_GAP, coverage.path("violations").path(0).asText(), coverage.toString());
  }

  @Test
  @UserProperty(name = "sre.haltOnFailure", value = "false")
  @InjectMojo(goal = "check")
  void haltOnFailureFalseOnlyWarns(CheckMojo mojo) throws Exception {
    compile(RunbookGapMonitoring.class);

    mojo.execute();

    assertEquals(List.of(RUNBOOK_GAP), log.at(Level.WARNING), log.all());
    assertTrue(Files.isRegularFile(file("target/sre/coverage/sre-coverage.json")));
  }

  @Test
  @InjectMojo(goal = "check", pom = "classpath:check-runbook-50-percent.pom.xml")
  void aPercentageMinimumThatIsMetPasses(CheckMojo mojo) throws Exception {
    compile(RunbookGapMonitoring.class);

    mojo.execute();

    assertEquals(List.of(), log.at(Level.WARNING), log.all());
    assertTrue(log.at(Level.INFO).contains("All coverage checks have been met"), log.all());
  }

  @Test
  @InjectMojo(goal = "check", pom = "classpath:check-runbook-80-percent.pom.xml")
  void aPercentageMinimumThatIsMissedFails(CheckMojo mojo) {
    compile(RunbookGapMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(GATE_FAILED, failure.getMessage());
    assertEquals(List.of("service orders: runbook coverage is 0.50, expected minimum 0.80; alerts without a runbook: "
        + RunbookGapMonitoring.ALERT_WITHOUT_RUNBOOK), log.at(Level.WARNING), log.all());
  }

  @Test
  @InjectMojo(goal = "check", pom = "classpath:check-unknown-counter.pom.xml")
  void anUnknownCounterIsOneClearFailureNamingTheRuleAndLimit(CheckMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertConfigurationError(failure, "rule 2, limit 1", "counter", "'RUNBOOKS'", "RUNBOOK, SIGNALS, DEPENDENCIES");
  }

  @Test
  @InjectMojo(goal = "check", pom = "classpath:check-unknown-value.pom.xml")
  void anUnknownValueIsOneClearFailureNamingTheRuleAndLimit(CheckMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertConfigurationError(failure, "rule 1, limit 2", "value", "'COVERED_RATIO'", "COVEREDRATIO, MISSEDRATIO");
  }

  @Test
  @InjectMojo(goal = "check", pom = "classpath:check-bad-number.pom.xml")
  void aMinimumThatIsNotANumberIsOneClearFailureNamingTheRuleAndLimit(CheckMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertConfigurationError(failure, "rule 1, limit 1", "minimum", "'0,8'", "80%");
  }

  @Test
  @UserProperty(name = "sre.baseline", value = "baseline/missing.json")
  @InjectMojo(goal = "check")
  void aBaselineThatCannotBeReadFailsWithAClearMessage(CheckMojo mojo) {
    compile(CompleteMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    // A relative sre.baseline is the project's file, not one in the folder Maven was started from.
    assertTrue(failure.getMessage().startsWith("sre.baseline " + file("baseline/missing.json") + " cannot be read"),
        failure.getMessage());
  }

  @Test
  @UserProperty(name = "sre.baseline", value = "baseline/sre-coverage.json")
  @InjectMojo(goal = "check")
  void aBaselineThatIsNoCoverageReportFailsWithAClearMessage(CheckMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);
    Files.createDirectories(file("baseline"));
    Files.writeString(file("baseline/sre-coverage.json"), "{\"schema\": \"jacoco/v1\"}");

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(failure.getMessage().startsWith("sre.baseline " + file("baseline/sre-coverage.json")
        + " cannot be read as an sre-coverage.json"), failure.getMessage());
    assertTrue(failure.getMessage().contains("not an sre-dsl coverage report"), failure.getMessage());
  }

  @Test
  @UserProperty(name = "sre.baseline", value = "baseline/sre-coverage.json")
  @InjectMojo(goal = "check", pom = "classpath:check-no-minimum.pom.xml")
  void coverageBelowTheBaselineFailsTheGate(CheckMojo mojo) throws Exception {
    compile(RunbookGapMonitoring.class);
    Files.createDirectories(file("baseline"));
    Files.writeString(file("baseline/sre-coverage.json"), """
        {"schema": "sre-dsl/coverage/v1", "build": {},
         "services": [{"name": "orders", "counters": {"RUNBOOK": {"ratio": 1.0}}}]}
        """);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(GATE_FAILED, failure.getMessage());
    assertEquals(List.of("service orders: runbook coverage dropped from 1.00 in the baseline to 0.50; alerts without"
        + " a runbook: " + RunbookGapMonitoring.ALERT_WITHOUT_RUNBOOK), log.at(Level.WARNING), log.all());
  }

  @Test
  @MojoParameter(name = "skip", value = "true")
  @InjectMojo(goal = "check")
  void skipSkipsAndWritesNothing(CheckMojo mojo) throws Exception {
    compile(RunbookGapMonitoring.class);

    mojo.execute();

    assertFalse(Files.exists(file("target/sre")), "a skipped gate must not write anything");
    assertEquals(List.of("Skipping sre:check (sre.skip=true)"), log.at(Level.INFO), log.all());
  }

  /** One failure whose message names where the mistake is, what is wrong and what would be right. */
  private void assertConfigurationError(MojoFailureException failure, String where, String element, String given,
      String hint) {
    String message = failure.getMessage();
    assertTrue(message.contains(where), "does not name " + where + ": " + message);
    assertTrue(message.contains(element + " " + given), "does not name " + element + " " + given + ": " + message);
    assertTrue(message.contains(hint), "does not say what would be right (" + hint + "): " + message);
  }
}
