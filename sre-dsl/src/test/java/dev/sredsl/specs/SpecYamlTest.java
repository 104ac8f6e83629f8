package dev.sredsl.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.testing.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML specs are read with their places, and hostile or broken files fail fast with one line. */
class SpecYamlTest {

  private static final String FILE = "src/main/sre/orders.yml";

  @TempDir
  Path work;

  private static List<YamlNode> read(String yaml) {
    return SpecYaml.read(yaml.getBytes(StandardCharsets.UTF_8), FILE);
  }

  private static String problem(String yaml) {
    SpecException e = assertThrows(SpecException.class, () -> read(yaml));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void nodesKnowTheirLineAndColumnAcrossDocuments() {
    List<YamlNode> documents = read("""
        version: "prometheus/v1"
        service: orders
        slos:
          - name: availability
            objective: 99.9
        ---
        version: "prometheus/v1"
        service: refunds
        """);
    assertEquals(2, documents.size());
    YamlNode.Mapping first = assertInstanceOf(YamlNode.Mapping.class, documents.get(0));
    YamlNode.Sequence slos = assertInstanceOf(YamlNode.Sequence.class, first.entries().get("slos"));
    YamlNode.Mapping slo = assertInstanceOf(YamlNode.Mapping.class, slos.items().get(0));
    YamlNode objective = slo.entries().get("objective");
    assertEquals("99.9", ((YamlNode.Scalar) objective).text());
    assertEquals(List.of(5, 16), List.of(objective.line(), objective.column()));
    assertEquals(List.of(8, 10), List.of(((YamlNode.Mapping) documents.get(1)).entries().get("service").line(),
        ((YamlNode.Mapping) documents.get(1)).entries().get("service").column()));
  }

  @Test
  void anUnknownFieldNamesTheClosestKnownOne() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("""
        service: orders
        slos:
          - name: availability
            objectve: 99.9
        """).get(0);
    YamlNode.Mapping slo = (YamlNode.Mapping) ((YamlNode.Sequence) root.entries().get("slos")).items().get(0);
    List<String> known = List.of("name", "objective", "description", "sli", "alerting");
    assertEquals(FILE + ":4:5: 'objectve' is no field of a Sloth SLO; did you mean 'objective'?",
        assertThrows(SpecException.class, () -> Fields.onlyKnown(slo, known, "a Sloth SLO")).getMessage());
    assertEquals(null, Fields.closest("burn", known), "nothing near: the message lists the fields instead");
  }

  @Test
  void anAliasStandsForItsAnchorsValue() {
    YamlNode.Mapping root = (YamlNode.Mapping) read("""
        defaults: &labels
          owner: payments
          tier: "1"
        service: orders
        labels: *labels
        """).get(0);
    assertEquals(root.entries().get("defaults"), root.entries().get("labels"));
    assertEquals("payments", ((YamlNode.Scalar) ((YamlNode.Mapping) root.entries().get("labels")).entries()
        .get("owner")).text());
    assertEquals(FILE + ":1:10: alias *nowhere names no anchor above it; define &nowhere first",
        problem("service: *nowhere\n"));
  }

  @Test
  void aKeyGivenTwiceIsRefusedAtItsSecondPlace() {
    assertEquals(FILE + ":3:1: 'service' is given twice in this mapping (first on line 2); keep one", problem("""
        version: "prometheus/v1"
        service: orders
        service: refunds
        """));
  }

  @Test
  void aBillionLaughsFailsFastWithOneLine() {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    String message = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problem(yaml.toString()));
    assertTrue(message.startsWith(FILE + ":"), message);
    assertTrue(message.endsWith("expands to more than 100000 values through its aliases; write the values out, or"
        + " use fewer anchors"), message);
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedBeforeItIsParsed() throws Exception {
    Path big = work.resolve("big.yml");
    Files.write(big, ("# " + "x".repeat(SpecYaml.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8));
    SpecException e = assertThrows(SpecException.class, () -> SpecYaml.read(big, FILE));
    assertEquals(FILE + ": 1,048,579 bytes, more than the 1,048,576 a spec may have; split it into several files",
        e.getMessage());
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    String message = problem(yaml);
    assertTrue(message.contains("nests mappings and lists more than 40 levels deep"), message);
  }

  @Test
  void brokenYamlAndNonUtf8AreOneLineEach() {
    String broken = problem("service: [orders\n");
    assertTrue(broken.startsWith(FILE + ":") && broken.contains("is not valid YAML: "), broken);
    SpecException latin1 = assertThrows(SpecException.class,
        () -> SpecYaml.read(new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'}, FILE));
    assertEquals(FILE + ": is not UTF-8 text; save it as UTF-8", latin1.getMessage());
  }

  @Test
  void slothsOwnSpecsRead() throws Exception {
    Path specs = SharedTestData.folder("peer-specs", "sredsl.peerSpecsDir", "Sloth's example specs").resolve("sloth");
    for (String name : List.of("getting-started.yml", "home-wifi.yml", "multifile.yml", "no-alerts.yml",
        "raw-home-wifi.yml")) {
      List<YamlNode> documents = SpecYaml.read(specs.resolve(name), name);
      assertTrue(!documents.isEmpty(), name);
      documents.forEach(d -> assertInstanceOf(YamlNode.Mapping.class, d, name));
    }
  }
}
