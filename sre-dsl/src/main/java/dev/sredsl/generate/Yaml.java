package dev.sredsl.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * YAML as the generators write it: block style, two-space indent, strings quoted only where YAML
 * would read them as something else (numbers, booleans, {@code null}, special characters), LF line
 * endings, no document marker. Maps are written in their own order, so callers pass sorted or
 * deliberately ordered maps. Written as Jackson's {@link ObjectMapper} writes it, through
 * {@link PlainTree}: the mapper is made only for a value that is not a plain tree.
 */
public final class Yaml {

  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .stringQuotingChecker(new YamlQuoting())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      // One logical line stays one line: a wrapped PromQL expression is hard to read and to grep.
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  private Yaml() {}

  public static String write(Object tree) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      PlainTree.write(out, tree, Databind::mapper);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().replace("\r\n", "\n");
  }

  /** The mapper for values other than plain trees, made on first use. */
  private static final class Databind {
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static ObjectMapper mapper() {
      return MAPPER;
    }
  }
}
