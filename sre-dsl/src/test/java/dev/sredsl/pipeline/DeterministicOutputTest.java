package dev.sredsl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.testing.ExampleProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file generated for {@code examples/checkout-service}, as written to disk, is the same byte
 * for byte on a second run and under a default locale and time zone known to break naive code
 * ({@code tr-TR} lower-cases {@code I} to a dotless {@code ı}; Pacific/Chatham is UTC+12:45).
 */
class DeterministicOutputTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings(
      "https://github.com/example/checkout-service/blob/main/docs/runbooks", "https://grafana.example.com",
      Map.of("release", "prometheus"));

  @TempDir
  Path work;

  @Test
  void twoRunsWriteIdenticalTrees() throws IOException {
    Map<String, byte[]> first = generateAndWrite("first");
    Map<String, byte[]> second = generateAndWrite("second");
    assertTrue(first.size() > 10, first.keySet().toString());
    assertSameTree(first, second);
  }

  @Test
  void theDefaultLocaleAndTimeZoneChangeNothing() throws IOException {
    Map<String, byte[]> reference = generateAndWrite("reference");
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
      assertSameTree(reference, generateAndWrite("turkish"));
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
      assertSameTree(reference, generateAndWrite("german"));
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  /** Loads the example afresh (discovery included), generates and writes it; the written tree by path. */
  private Map<String, byte[]> generateAndWrite(String run) throws IOException {
    Path output = work.resolve(run).resolve("sre");
    new OutputWriter().write(output,
        new SrePipeline().generate(ExampleProjects.load("checkout-service", work.resolve(run).resolve("example")), SETTINGS));
    Map<String, byte[]> tree = new TreeMap<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        tree.put(output.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return tree;
  }

  private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path + " differs"));
  }
}
