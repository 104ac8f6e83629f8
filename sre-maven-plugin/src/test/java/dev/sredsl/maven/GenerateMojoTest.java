package dev.sredsl.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.maven.CapturingLog.Level;
import dev.sredsl.maven.fixtures.CompleteMonitoring;
import dev.sredsl.maven.fixtures.InvalidMonitoring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * sre:generate as a user configures it: parameters from a test POM or a user property, the project's
 * compiled definitions, and what ends up in {@code target/sre} and in the log.
 */
@MojoTest
class GenerateMojoTest extends MojoTestSupport {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final List<String> SERVICE_FILES = List.of(
      "prometheus/inventory.rules.yml",
      "prometheus/inventory.rules.test.yml",
      "kubernetes/inventory.prometheusrule.yaml",
      "kubernetes/inventory.grafanadashboard.yaml",
      "grafana/dashboards/inventory.json",
      "grafana/provisioning/dashboards.yaml",
      "runbooks/inventory.md",
      "runbooks/README.md",
      "alertmanager/routes.yml",
      "alertmanager/routes.tests.txt",
      "catalog/inventory.catalog-info.yaml");

  @Test
  @UserProperty(name = "sre.skip", value = "true")
  @InjectMojo(goal = "generate")
  void sreSkipSkipsAndWritesNothing(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    assertFalse(Files.exists(file("target/sre")), "sre.skip=true must not write anything");
    assertEquals(List.of("Skipping sre:generate (sre.skip=true)"), log.at(Level.INFO), log.all());
  }

  @Test
  @InjectMojo(goal = "generate")
  void aProjectOfPackagingPomIsSkipped(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);
    project.setPackaging("pom");

    mojo.execute();

    assertFalse(Files.exists(file("target/sre")), "a pom project must not get any output");
    assertEquals(1, log.at(Level.INFO).size(), log.all());
    assertTrue(log.at(Level.INFO).get(0).startsWith("Skipping sre:generate"), log.all());
    assertTrue(log.at(Level.INFO).get(0).contains("packaging pom"), log.all());
  }

  @Test
  @InjectMojo(goal = "generate")
  void validDefinitionsGenerateEveryArtifactUnderTargetSre(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    Path out = file("target/sre");
    for (String path : SERVICE_FILES) {
      assertTrue(Files.isRegularFile(out.resolve(path)), path + " is missing; written: " + tree(out));
    }
    JsonNode alert = alert(out, CompleteMonitoring.ALERT);
    assertEquals("critical", alert.path("labels").path("severity").asText(), alert.toString());
    assertFalse(alert.path("annotations").has("runbook_url"), "no runbookBaseUrl, no runbook_url: " + alert);
    assertEquals(List.of("Generated 12 files for 1 services in " + out.toFile()
        + " (12 written, 0 unchanged, 0 stale removed)"), log.at(Level.INFO).stream()
        .filter(l -> l.startsWith("Generated ")).toList(), log.all());
  }

  @Test
  @UserProperty(name = "sre.outputDirectory", value = "target/monitoring")
  @InjectMojo(goal = "generate")
  void sreOutputDirectoryMovesTheOutput(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    assertTrue(Files.isRegularFile(file("target/monitoring/prometheus/inventory.rules.yml")),
        "written: " + tree(file("target")));
    assertFalse(Files.exists(file("target/sre")));
  }

  @Test
  @InjectMojo(goal = "generate", pom = "classpath:generate-settings.pom.xml")
  void runbookBaseUrlEndsUpInTheAlertsRunbookUrl(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    JsonNode alert = alert(file("target/sre"), CompleteMonitoring.ALERT);
    assertEquals("https://docs.example.com/runbooks/inventory.md#inventoryfailing",
        alert.path("annotations").path("runbook_url").asText(), alert.toString());
  }

  @Test
  @InjectMojo(goal = "generate", pom = "classpath:generate-settings.pom.xml")
  void prometheusRuleLabelsEndUpInThePrometheusRuleMetadata(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    JsonNode rule = YAML.readTree(file("target/sre/kubernetes/inventory.prometheusrule.yaml").toFile());
    assertEquals("PrometheusRule", rule.path("kind").asText());
    JsonNode labels = rule.path("metadata").path("labels");
    assertEquals("prometheus", labels.path("release").asText(), rule.path("metadata").toString());
    assertEquals("alert-rules", labels.path("role").asText(), rule.path("metadata").toString());
  }

  @Test
  @UserProperty(name = "sre.grafanaDashboardsPath", value = "/srv/grafana/dashboards/checkout")
  @InjectMojo(goal = "generate")
  void grafanaDashboardsPathIsTheProvisioningPath(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    assertEquals("/srv/grafana/dashboards/checkout", provisioningPath());
  }

  /*
   * The provisioning file is deployed to Grafana, so its default path is one on the Grafana host, the
   * same on every machine that builds it, never the build machine's output folder.
   */
  @Test
  @InjectMojo(goal = "generate")
  void withoutGrafanaDashboardsPathTheProvisioningPathIsTheDeployPath(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);

    mojo.execute();

    assertEquals("/var/lib/grafana/dashboards/sre-dsl", provisioningPath());
    String provisioning = Files.readString(file("target/sre/grafana/provisioning/dashboards.yaml"));
    assertFalse(provisioning.contains(basedir.toString()),
        "the provisioning file names the build machine's folder:\n" + provisioning);
  }

  @Test
  @InjectMojo(goal = "generate")
  void aSecondRunWithNothingChangedIsUpToDate(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);
    mojo.execute();
    Map<String, String> first = contents(file("target/sre"));
    int linesOfFirstRun = log.at(Level.INFO).size();

    mojo.execute();

    List<String> secondRun = log.at(Level.INFO).subList(linesOfFirstRun, log.at(Level.INFO).size());
    assertEquals(List.of("Output is up to date (12 files in " + file("target/sre").toFile()
        + "); nothing to generate"), secondRun, log.all());
    assertEquals(first, contents(file("target/sre")), "the up-to-date run changed the output");
  }

  @Test
  @UserProperty(name = "sre.force", value = "true")
  @InjectMojo(goal = "generate")
  void sreForceGeneratesEvenWhenUpToDate(GenerateMojo mojo) throws Exception {
    compile(CompleteMonitoring.class);
    mojo.execute();
    int linesOfFirstRun = log.at(Level.INFO).size();

    mojo.execute();

    List<String> secondRun = log.at(Level.INFO).subList(linesOfFirstRun, log.at(Level.INFO).size());
    assertEquals(List.of("Generating: sre.force=true", "Generated 12 files for 1 services in "
        + file("target/sre").toFile() + " (0 written, 12 unchanged, 0 stale removed)"), secondRun, log.all());
  }

  @Test
  @InjectMojo(goal = "generate")
  void invalidDefinitionsFailWithOneErrorLinePerProblem(GenerateMojo mojo) {
    compile(InvalidMonitoring.class);

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("The SRE definitions have 2 problems; see the lines above", failure.getMessage());
    List<String> errors = log.at(Level.ERROR);
    assertEquals(2, errors.size(), log.all());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("service '" + InvalidMonitoring.BAD_NAME + "': service name")),
        log.all());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("service '" + InvalidMonitoring.SERVICE + "', alert '"
        + InvalidMonitoring.ALERT + "': 'for' must be positive")), log.all());
    assertFalse(Files.exists(file("target/sre")), "a failed run must not write any output");
  }

  @Test
  @InjectMojo(goal = "generate")
  void withoutCompiledClassesItFailsAndSaysToCompileFirst(GenerateMojo mojo) {
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("The SRE definitions have 1 problem; see the line above", failure.getMessage());
    assertEquals(1, log.at(Level.ERROR).size(), log.all());
    assertTrue(log.at(Level.ERROR).get(0).contains("no compiled classes in " + file("target/classes")), log.all());
  }

  /** The alerting rule of that name in the service's rule file. */
  private static JsonNode alert(Path out, String name) throws IOException {
    JsonNode rules = YAML.readTree(out.resolve("prometheus/" + CompleteMonitoring.SERVICE + ".rules.yml").toFile());
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (name.equals(rule.path("alert").asText())) {
          return rule;
        }
      }
    }
    throw new AssertionError("no alert " + name + " in " + rules);
  }

  private String provisioningPath() throws IOException {
    JsonNode provisioning = YAML.readTree(file("target/sre/grafana/provisioning/dashboards.yaml").toFile());
    JsonNode providers = provisioning.path("providers");
    assertEquals(1, providers.size(), provisioning.toString());
    return providers.get(0).path("options").path("path").asText();
  }

  private static List<String> tree(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  /** Every file under the folder (all generated files are text), the manifest and the inputs record among them. */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    for (String path : tree(root)) {
      contents.put(path, Files.readString(root.resolve(path)));
    }
    return contents;
  }
}
