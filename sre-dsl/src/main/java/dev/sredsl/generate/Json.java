package dev.sredsl.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON as the generators write it: two-space indent and LF line endings whatever the platform, maps
 * in their own order (callers pass deliberately ordered maps), and a final newline. Written as
 * Jackson's {@link ObjectMapper} writes it, through {@link PlainTree}: the mapper is made only for a
 * value that is not a plain tree.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private Json() {}

  public static String write(Object tree) {
    return write(tree, true) + "\n";
  }

  /** Compact, for JSON embedded in another document. */
  public static String compact(Object tree) {
    return write(tree, false);
  }

  /** The tree as a {@link JsonNode}, e.g. for a check that reads the JSON a generator is about to write. */
  public static JsonNode node(Object tree) {
    return PlainTree.node(tree, Databind::mapper);
  }

  private static String write(Object tree, boolean pretty) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      if (pretty) {
        out.setPrettyPrinter(PRINTER.createInstance());
      }
      PlainTree.write(out, tree, Databind::mapper);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The mapper for values other than plain trees, made on first use. */
  private static final class Databind {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectMapper mapper() {
      return MAPPER;
    }
  }
}
