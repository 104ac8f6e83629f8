package dev.sredsl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.ExampleProjects;
import dev.sredsl.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promtool tests written by hand in {@code examples/checkout-service/src/test/promtool/}, run on the
 * rules generated from the example's definitions. They pin alert behaviour that the generated tests
 * cannot state: periods, low traffic, missing data, the Workbook's detection times. Each runs twice: on
 * the rules with SLO windows averaged from 5-minute recordings (the default) and on the rules with raw
 * windows, since the alerts must behave the same in both forms. (The example's Maven build runs them
 * too, through maven-invoker-plugin; here they run with the unit tests, so a change that breaks them
 * fails early.)
 */
class HandWrittenRuleTestsTest {

  private static final Path HAND_WRITTEN = Path.of("..", "examples", "checkout-service", "src", "test", "promtool");

  /**
   * One project folder per form, under the build's target folder, so that a failing test leaves its
   * inputs to look at.
   */
  private static final Path projects = Path.of("target", "hand-written-rule-tests");

  @BeforeAll
  static void generateTheExamplesRulesWhereTheTestsExpectThem(@TempDir Path work) throws IOException {
    deleteRecursively(projects);
    Declarations declarations = ExampleProjects.load("checkout-service", work);
    GenerationSettings settings = new GenerationSettings(
        "https://github.com/example/checkout-service/blob/main/docs/runbooks", "https://grafana.example.com",
        Map.of("release", "prometheus"), null, null);
    for (SloWindowForm form : SloWindowForm.values()) {
      Path project = project(form);
      GeneratedFiles files = new SrePipeline().generate(declarations, settings.withSloWindowForm(form));
      for (GeneratedFile file : files.all()) {
        Path target = project.resolve("target/sre").resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.content());
      }
      Path tests = Files.createDirectories(project.resolve("src/test/promtool"));
      for (Path test : handWritten()) {
        Files.copy(test, tests.resolve(test.getFileName()));
      }
    }
  }

  private static Path project(SloWindowForm form) {
    return projects.resolve(form.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static List<Path> handWritten() throws IOException {
    try (Stream<Path> files = Files.list(HAND_WRITTEN)) {
      return files.filter(f -> f.toString().endsWith(".test.yml")).sorted().toList();
    }
  }

  /** Both forms at once: promtool uses one core, and the machine has two. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void promtoolPassesTheHandWrittenTestOnBothFormsOfTheSloWindows(String name) {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Map<SloWindowForm, CompletableFuture<ExternalTool.Run>> runs = new EnumMap<>(SloWindowForm.class);
    for (SloWindowForm form : SloWindowForm.values()) {
      runs.put(form, CompletableFuture.supplyAsync(() -> promtool.run("test", "rules",
          project(form).resolve("src/test/promtool").resolve(name).toString())));
    }
    runs.forEach((form, run) -> {
      ExternalTool.Run done = run.join();
      assertEquals(0, done.exitCode(), form + " windows: " + done.output());
      assertFalse(done.output().contains("FAILED"), form + " windows: " + done.output());
    });
  }

  static Stream<String> names() throws IOException {
    return handWritten().stream().map(p -> p.getFileName().toString());
  }
}
