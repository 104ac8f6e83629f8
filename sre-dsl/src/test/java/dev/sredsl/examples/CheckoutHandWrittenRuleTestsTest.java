package dev.sredsl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.ExampleProjects;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.OutputValidators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promtool tests written by hand in {@code examples/checkout-service/src/test/promtool} pass against
 * the rules generated from the example's definitions, here in the unit tests and not only in the
 * example's Maven build. Each file names {@code ../../../target/sre/prometheus/checkout.rules.yml}; the
 * copy run here names a rule file generated into a temporary folder instead.
 */
class CheckoutHandWrittenRuleTestsTest {

  private static final Path HAND_WRITTEN = Path.of("..", "examples", "checkout-service", "src", "test", "promtool");
  private static final String RULE_FILE = "../../../target/sre/prometheus/checkout.rules.yml";

  @Test
  void everyHandWrittenTestPassesAgainstTheGeneratedRules(@TempDir Path work) throws IOException {
    ExternalTool.promtool().require();
    GeneratedFiles files = new SrePipeline().generate(ExampleProjects.load("checkout-service", work),
        new GenerationSettings("https://github.com/example/checkout-service/blob/main/docs/runbooks",
            "https://grafana.example.com", Map.of("release", "prometheus"), null, null));
    Path rules = work.resolve("checkout.rules.yml");
    Files.write(rules, files.get("prometheus/checkout.rules.yml").orElseThrow().content());

    List<Path> tests = new ArrayList<>();
    for (Path handWritten : OutputValidators.files(HAND_WRITTEN, ".test.yml")) {
      String text = Files.readString(handWritten);
      assertTrue(text.contains("  - " + RULE_FILE + "\n"), handWritten + " does not name " + RULE_FILE);
      Path copy = work.resolve(handWritten.getFileName());
      Files.writeString(copy, text.replace(RULE_FILE, rules.getFileName().toString()));
      tests.add(copy);
    }

    assertEquals(List.of("availability-burn-rate-quiet.test.yml", "availability-burn-rate.test.yml",
        "pool-flapping.test.yml"), tests.stream().map(p -> p.getFileName().toString()).toList());
    OutputValidators.promtoolTestRules(tests);
  }
}
