package dev.sredsl.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/**
 * YAML as the generators write it: block style, two-space indent, strings quoted only where YAML
 * would read them as something else (numbers, booleans, {@code null}, special characters), LF line
 * endings, no document marker. Maps are written in their own order, so callers pass sorted or
 * deliberately ordered maps.
 */
public final class Yaml {

  private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
      .stringQuotingChecker(new YamlQuoting())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      // One logical line stays one line: a wrapped PromQL expression is hard to read and to grep.
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build())
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Yaml() {}

  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
