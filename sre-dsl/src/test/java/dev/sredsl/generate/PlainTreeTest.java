package dev.sredsl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Json} and {@link Yaml} write without databind what an {@link ObjectMapper} configured as they
 * were before wrote, byte for byte: plain trees by {@link PlainTree}, anything else through the mapper.
 */
class PlainTreeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .stringQuotingChecker(new YamlQuoting())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build())
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  enum Colour { RED }

  record Point(int x, String label) {}

  static Stream<Object> trees() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("expr", "sum by (job) (rate(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}[5m]))");
    nested.put("for", "5m");
    nested.put("none", null);
    nested.put("empty map", Map.of());
    nested.put("empty list", List.of());
    nested.put("numbers", List.of(0, -7, 3_000_000_000L, 0.999, 1e-7, 1.0E21, Double.NaN, 14.4, new BigDecimal("0.995"),
        new BigDecimal("6"), new BigDecimal("1E-7")));
    nested.put("flags", List.of(true, false));
    nested.put("looks like other things", List.of("true", "null", "0.5", "09:00", "- item", "a: b", "#x", "",
        " padded ", "line\nbreak", "tab\there", "{{ $labels.job }}", "ümlaut", "emoji 🚨"));
    nested.put("list of maps", List.of(Map.of("a", 1), new TreeMap<>(Map.of("b", List.of(Map.of())))));
    nested.put("null in a list", Arrays.asList("a", null));
    nested.put("set", new LinkedHashSet<>(List.of("x", "y")));
    nested.put("list of lists", List.of(List.of(1, 2), List.of()));
    List<Object> deep = new ArrayList<>();
    deep.add(nested);
    return Stream.of(
        nested,
        deep,
        Map.of(),
        List.of(),
        "just a string",
        Map.of("enum", Colour.RED),
        Map.of("record", new Point(1, "p")),
        Map.of("other numbers", List.of(1.5f, (short) 2, (byte) 3, new BigDecimal("1.10"))),
        Map.of("array", new String[] {"a", "b"}),
        Map.of(1, "integer key"),
        Map.of("nested integer key", Map.of(Colour.RED, List.of(Colour.RED))));
  }

  @ParameterizedTest
  @MethodSource("trees")
  void yamlAsTheMapperWroteIt(Object tree) throws Exception {
    assertEquals(YAML.writeValueAsString(tree).replace("\r\n", "\n"), Yaml.write(tree));
  }

  @ParameterizedTest
  @MethodSource("trees")
  void jsonAsTheMapperWroteIt(Object tree) throws Exception {
    assertEquals(JSON.writer(PRINTER).writeValueAsString(tree) + "\n", Json.write(tree));
    assertEquals(JSON.writeValueAsString(tree), Json.compact(tree));
  }

  @ParameterizedTest
  @MethodSource("trees")
  void nodeAsTheMapperMadeIt(Object tree) {
    assertEquals(JSON.valueToTree(tree), Json.node(tree));
  }

  @ParameterizedTest
  @MethodSource("trees")
  void generatorCallsAsTheMapperMadeThem(Object tree) throws Exception {
    // The same calls give the same events to any generator: compare through a token buffer as well.
    TokenBuffer expected = new TokenBuffer(JSON, false);
    JSON.writeValue(expected, tree);
    TokenBuffer actual = new TokenBuffer(JSON, false);
    PlainTree.write(actual, tree, () -> JSON);
    assertEquals(tokens(expected), tokens(actual));
  }

  private static List<String> tokens(TokenBuffer buffer) throws Exception {
    List<String> tokens = new ArrayList<>();
    try (var parser = buffer.asParser()) {
      while (parser.nextToken() != null) {
        tokens.add(parser.currentToken() + " " + parser.getText()
            + (parser.currentToken().isNumeric() ? " " + parser.getNumberType() : ""));
      }
    }
    return tokens;
  }
}
