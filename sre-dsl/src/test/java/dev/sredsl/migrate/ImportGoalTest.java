package dev.sredsl.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.model.Service;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.DefinitionsWithSpecs;
import dev.sredsl.pipeline.ImportGoal;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.SettingException;
import dev.sredsl.testing.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sre:import} on Sloth's own example specs: the classes it writes compile without a warning and
 * declare exactly the services the build makes of the YAML when it reads it directly.
 */
class ImportGoalTest {

  @TempDir
  Path work;

  private static Path sloth() {
    return SharedTestData.folder("peer-specs", "sredsl.peerSpecsDir", "Sloth's example specs").resolve("sloth");
  }

  @Test
  void theWrittenClassesDeclareWhatReadingTheYamlGives() throws Exception {
    Path project = Files.createDirectories(work.resolve("project"));
    Path specs = Files.createDirectories(project.resolve("specs"));
    try (Stream<Path> files = Files.list(sloth())) {
      for (Path spec : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        // Each file on its own: home-wifi.yml and raw-home-wifi.yml declare the same service.
        Path folder = Files.createDirectories(specs.resolve(spec.getFileName().toString().replace(".yml", "")));
        Files.copy(spec, folder.resolve(spec.getFileName()));
      }
    }
    List<Service> expected = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    int index = 0;
    try (Stream<Path> folders = Files.list(specs)) {
      for (Path folder : folders.sorted().toList()) {
        String packageName = "com.example.imported" + index++;
        Path sourceRoot = project.resolve("src/main/java");
        ImportGoal.Outcome outcome = new ImportGoal().run(folder, project, packageName, sourceRoot);
        Declarations direct = new DefinitionsWithSpecs(DefinitionsSource.of(new Declarations(List.of(), List.of())),
            folder, project).load();
        assertEquals(direct.services().size(), outcome.written().size(), folder.toString());
        expected.addAll(direct.services());
        for (Path written : outcome.written()) {
          String className = packageName + "." + written.getFileName().toString().replace(".java", "");
          sources.put(className, Files.readString(written));
        }
      }
    }
    assertEquals(6, expected.size(), "Sloth's five examples declare six services");
    Map<String, Service> declared = CompiledDefinitions.declare(work.resolve("compiled"), sources);
    assertEquals(expected, new ArrayList<>(declared.values()));
    String gettingStarted = sources.values().stream().filter(s -> s.contains("class MyserviceDefinitions"))
        .findFirst().orElseThrow();
    assertTrue(gettingStarted.contains("specs/getting-started/getting-started.yml"), gettingStarted);
    assertTrue(gettingStarted.contains("SloAlerting.named(\"MyServiceHighErrorRate\", \"MyServiceHighErrorRateTicket\")"),
        gettingStarted);
  }

  @Test
  void aSpecTheBuildRefusesWritesNothing() throws Exception {
    Path project = Files.createDirectories(work.resolve("bad"));
    Path spec = project.resolve("bad.yml");
    Files.writeString(spec, """
        version: "prometheus/v1"
        service: "orders"
        slos:
          - name: "availability"
            objective: 100
            sli:
              events:
                error_query: sum(rate(errors_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
        """);
    DefinitionException refused = assertThrows(DefinitionException.class,
        () -> new ImportGoal().run(spec, project, "com.example", project.resolve("src/main/java")));
    assertEquals(List.of("bad.yml:4:5: service 'orders', slo 'availability': objective must be between 0 and 100"
        + " percent, both excluded, e.g. 99.9, was 100.0"), refused.problems().stream().map(Object::toString).toList());
    assertFalse(Files.exists(project.resolve("src")));
  }

  @Test
  void anExistingClassIsNotReplaced() throws Exception {
    Path project = Files.createDirectories(work.resolve("exists"));
    Path spec = Files.copy(sloth().resolve("getting-started.yml"), project.resolve("getting-started.yml"));
    Path existing = project.resolve("src/main/java/com/example/MyserviceDefinitions.java");
    Files.createDirectories(existing.getParent());
    Files.writeString(existing, "// the team's own");
    SettingException refused = assertThrows(SettingException.class,
        () -> new ImportGoal().run(spec, project, "com.example", project.resolve("src/main/java")));
    assertTrue(refused.getMessage().endsWith("MyserviceDefinitions.java exists already; move it away, or import into"
        + " another package with -Dsre.importPackage=..."), refused.getMessage());
    assertEquals("// the team's own", Files.readString(existing));
    assertThrows(SettingException.class,
        () -> new ImportGoal().run(spec, project, "com.example.2nd", project.resolve("src/main/java")));
  }
}
