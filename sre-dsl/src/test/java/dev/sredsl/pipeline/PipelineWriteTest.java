package dev.sredsl.pipeline;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Tier;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.ExampleProjects;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generating straight into the output folder, file by file, writes what generating in memory and
 * writing afterwards writes, records the inputs for the next run, and writes nothing when it fails.
 */
class PipelineWriteTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings(
      "https://github.com/example/checkout-service/blob/main/docs/runbooks", "https://grafana.example.com",
      Map.of("release", "prometheus"));

  @TempDir
  Path work;

  @Test
  void writesWhatGeneratingInMemoryWritesAndRecordsTheInputs() throws IOException {
    Declarations declarations = ExampleProjects.load("checkout-service", work.resolve("example"));
    SrePipeline pipeline = new SrePipeline();
    Path inMemory = work.resolve("in-memory");
    Path streamed = work.resolve("streamed");

    new OutputWriter().write(inMemory, pipeline.generate(declarations, SETTINGS));
    SrePipeline.Written written = pipeline.write(declarations, SETTINGS, streamed, "the-inputs");

    assertEquals(new SrePipeline.Written(24, 2, new OutputWriter.Result(24, 0, 0)), written);
    Map<String, byte[]> expected = tree(inMemory);
    Map<String, byte[]> actual = tree(streamed);
    assertTrue(actual.remove(OutputWriter.INPUTS) != null, "the record of the inputs is written");
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    assertEquals(new OutputWriter.UpToDate(true, 24, null), OutputWriter.upToDate(streamed, "the-inputs"));
  }

  @Test
  void aGenerationThatFailsHalfwayWritesNothing() {
    Declarations declarations = Fixtures.declare("checkout", s -> s.tier(Tier.LOW)
        .signals(Micrometer.httpServer())
        .panel(p -> p.title("Orders").description("Orders per second.").unit("reqps")
            .query("sum(rate(orders_total{job=\"checkout\"}[5m]))"))
        .alert("CheckoutErrors", a -> a.when(errorRatio().above(0.1)).severity(Severity.PAGE)));
    Path output = work.resolve("target/sre");

    assertThrows(DefinitionException.class, () -> new SrePipeline().write(declarations, SETTINGS, output, "inputs"));

    assertFalse(Files.exists(work.resolve("target")), "not even the output folder");
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        tree.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return tree;
  }
}
