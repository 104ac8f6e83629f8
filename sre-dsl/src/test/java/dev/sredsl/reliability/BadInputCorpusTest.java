package dev.sredsl.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.pipeline.CheckGoal;
import dev.sredsl.pipeline.DefinitionsSource;
import dev.sredsl.pipeline.GenerateGoal;
import dev.sredsl.pipeline.ReportGoal;
import dev.sredsl.pipeline.SrePipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every invalid definition of the {@link Corpus} fails the way a user must see it: exactly the lines
 * written under its name in {@code bad-input-messages.txt}, each one line naming the service, the
 * element and the fix; no exception other than the definitions' own problems (which the plugin prints
 * without a stack trace); and nothing under the project changed, so the output of the last good run is
 * intact.
 */
class BadInputCorpusTest {

  private static final Map<String, List<String>> MESSAGES =
      ExpectedMessages.read("/reliability/bad-input-messages.txt");

  /** The gate's day, fixed so that the waiver cases do not expire with the calendar. */
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  @TempDir
  Path work;

  @Test
  void theCorpusHasAtLeastSixtyDistinctCasesEachWithItsMessages() {
    List<BadInput> corpus = Corpus.all();
    Set<String> names = new LinkedHashSet<>();
    corpus.forEach(c -> assertTrue(names.add(c.name()), "two cases are called " + c.name()));
    assertTrue(corpus.size() >= 60, "only " + corpus.size() + " cases");
    assertEquals(names, MESSAGES.keySet(), "the cases and the message file list different names, or in another order");
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputFailsWithItsMessagesAndChangesNothing() {
    List<BadInput> corpus = Corpus.all();
    return corpus.stream().map(c -> dynamicTest(c.name(), () -> check(c, work.resolve("case-" + corpus.indexOf(c)))));
  }

  /** The goals as the plugin runs them, through the library's entry point of each. */
  enum Goal { GENERATE, CHECK, REPORT }

  private static void check(BadInput bad, Path caseDir) throws IOException {
    Path project = caseDir.resolve("project");
    Path output = project.resolve("target/sre");
    new SrePipeline().write(lastGoodDefinitions(), Corpus.SETTINGS, output, "last good run");
    Map<String, Object> before = snapshot(project);

    // Messages that name a folder of the case say {input}.
    String input = caseDir.resolve("input").toString();
    List<String> expected = MESSAGES.getOrDefault(bad.name(), List.of()).stream()
        .map(line -> line.replace("{input}", input)).toList();
    // Definitions the gate refuses are valid: generating them would rightly replace the output.
    List<Goal> goals = bad.stage() == BadInput.Stage.GATE ? List.of(Goal.CHECK, Goal.REPORT) : List.of(Goal.values());
    for (Goal goal : goals) {
      List<String> lines = runAsThePluginDoes(goal, bad, caseDir.resolve("input"), output, caseDir.resolve("gate"));
      assertEquals(expected, lines, bad.name() + ", sre:" + goal.name().toLowerCase(java.util.Locale.ROOT));
      for (String line : lines) {
        assertFalse(line.contains("\n") || line.contains("\r"), "not one line: " + line);
        assertFalse(line.contains("\tat ") || line.contains("Caused by"), "a stack trace in: " + line);
      }
    }
    Map<String, Object> after = snapshot(project);
    Set<String> changed = new java.util.TreeSet<>(before.keySet());
    changed.addAll(after.keySet());
    changed.removeIf(path -> java.util.Objects.equals(before.get(path), after.get(path)));
    assertEquals(Set.of(), changed, "the failed run changed these paths under the project");
  }

  /**
   * What the plugin's goal does, through the same library entry point: the lines of a
   * {@link DefinitionException} are what it prints, and so are the gate's violations. Any other
   * exception would reach the user as a stack trace, so it fails the case.
   *
   * @param gateOutput where {@code sre:check} writes its reports on definitions it finds valid
   */
  private static List<String> runAsThePluginDoes(Goal goal, BadInput bad, Path input, Path output, Path gateOutput) {
    try {
      Files.createDirectories(input);
      DefinitionsSource source = DefinitionsSource.of(bad.source().declarations(input));
      GenerationSettings settings = bad.settings().settings(input);
      List<String> violations = switch (goal) {
        case GENERATE -> {
          new GenerateGoal().run(source, settings, output, false);
          yield List.of();
        }
        case CHECK -> new CheckGoal().run(source, settings, List.of(), null,
            bad.stage() == BadInput.Stage.GATE ? gateOutput : output, TODAY).violations();
        case REPORT -> new ReportGoal().run(source, settings, List.of(), null, TODAY).violations();
      };
      return violations.isEmpty() ? fail("the invalid definitions were accepted by sre:" + goal) : violations;
    } catch (DefinitionException expected) {
      return expected.problems().stream().map(Problem::toString).toList();
    } catch (org.opentest4j.AssertionFailedError failed) {
      throw failed;
    } catch (Throwable unexpected) {
      StringWriter trace = new StringWriter();
      unexpected.printStackTrace(new PrintWriter(trace));
      return fail("a stack trace would reach the user:\n" + trace);
    }
  }

  /** The output this case's failed run must leave alone. */
  private static Declarations lastGoodDefinitions() {
    SreRegistry sre = new SreRegistry();
    sre.service("orders", s -> Corpus.complete(s).alert("OrdersFailing", Corpus::pagingAlert));
    return sre.declarations();
  }

  /**
   * Every file and folder under {@code root}; of files, their bytes and modification time. A folder's
   * own time is left out: a run that fails midway has made and removed its staging folder inside the
   * output folder, which touches that folder's time and nothing else.
   */
  private static Map<String, Object> snapshot(Path root) throws IOException {
    Map<String, Object> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        FileTime modified = Files.getLastModifiedTime(path);
        tree.put(root.relativize(path) + (Files.isDirectory(path) ? "/" : ""),
            Files.isDirectory(path) ? "folder" : List.of(modified, new String(Files.readAllBytes(path),
                java.nio.charset.StandardCharsets.ISO_8859_1)));
      }
    }
    return tree;
  }
}
