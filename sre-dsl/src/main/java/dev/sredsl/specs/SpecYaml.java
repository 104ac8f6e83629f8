package dev.sredsl.specs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML spec into {@link YamlNode}s, as a file a pull request may change deserves: at most
 * {@value #MAX_BYTES} bytes of UTF-8, at most {@value #MAX_NODES} values with every alias expanded (a
 * file whose aliases expand exponentially, the "billion laughs", fails at once instead of filling the
 * memory: the reader shares an anchor's node and only counts its expansions), at most
 * {@value #MAX_DEPTH} levels of nesting, no key twice in a mapping. Several documents
 * separated by {@code ---} are read in order.
 */
public final class SpecYaml {

  /** The largest spec read: far more than any SLO file holds. */
  public static final int MAX_BYTES = 1024 * 1024;
  /** Values a document may hold with every alias expanded: thousands of SLOs' worth. */
  public static final int MAX_NODES = 100_000;
  /** How deep mappings and lists may nest. */
  public static final int MAX_DEPTH = 40;

  private static final YAMLFactory FACTORY = factory();

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(MAX_DEPTH + 10);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    return factory;
  }

  private SpecYaml() {}

  /**
   * The documents of a file.
   *
   * @param file the file
   * @param name how messages name it, e.g. {@code src/main/sre/checkout.yml}
   * @throws SpecException naming the file, the place and the fix
   */
  public static List<YamlNode> read(Path file, String name) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new SpecException(name, String.format(java.util.Locale.ROOT, "%,d bytes, more than the %,d a spec may"
            + " have; split it into several files", size, MAX_BYTES));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SpecException(name, "cannot be read (" + e.getMessage() + ")");
    }
    return read(bytes, name);
  }

  /** The documents of a file's bytes. */
  public static List<YamlNode> read(byte[] bytes, String name) {
    if (bytes.length > MAX_BYTES) {
      throw new SpecException(name, String.format(java.util.Locale.ROOT, "%,d bytes, more than the %,d a spec may"
          + " have; split it into several files", bytes.length, MAX_BYTES));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new SpecException(name, "is not UTF-8 text; save it as UTF-8");
    }
    List<YamlNode> documents = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        // Anchors hold within their document.
        documents.add(new Document(name).node((YAMLParser) parser, token));
      }
    } catch (SpecException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      throw new SpecException(name, "nests mappings and lists more than " + MAX_DEPTH + " levels deep; a spec"
          + " needs a few");
    } catch (IOException | RuntimeException e) {
      throw yamlProblem(name, e);
    }
    return documents;
  }

  /**
   * One document's nodes. An alias stands for its anchor's node, which the reader shares rather than
   * copies; what it counts is the nodes the document holds once every alias is expanded, so that a file
   * of aliases of aliases fails at the budget, long before the memory.
   */
  private static final class Document {

    private final String file;
    private final Map<String, YamlNode> anchors = new java.util.HashMap<>();
    private final Map<YamlNode, Long> sizes = new java.util.IdentityHashMap<>();
    private long expanded;

    Document(String file) {
      this.file = file;
    }

    YamlNode node(YAMLParser parser, JsonToken token) throws IOException {
      JsonLocation at = parser.currentTokenLocation();
      int line = at.getLineNr();
      int column = at.getColumnNr();
      if (parser.isCurrentAlias()) {
        YamlNode anchored = anchors.get(parser.getText());
        if (anchored == null) {
          throw new SpecException(file, line, column, "alias *" + parser.getText() + " names no anchor above it;"
              + " define &" + parser.getText() + " first");
        }
        count(sizes.get(anchored), line, column);
        return anchored;
      }
      String anchor = parser.getObjectId();
      long before = expanded;
      YamlNode node = switch (token) {
        case START_OBJECT -> mapping(parser, line, column);
        case START_ARRAY -> {
          List<YamlNode> items = new ArrayList<>();
          JsonToken next;
          while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(parser, next));
          }
          yield new YamlNode.Sequence(file, line, column, items);
        }
        case VALUE_NULL -> new YamlNode.Scalar(file, line, column, null);
        default -> new YamlNode.Scalar(file, line, column, parser.getText());
      };
      count(1, line, column);
      sizes.put(node, expanded - before);
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private YamlNode mapping(YAMLParser parser, int line, int column) throws IOException {
      Map<String, YamlNode> entries = new LinkedHashMap<>();
      Map<String, int[]> keys = new LinkedHashMap<>();
      JsonToken next;
      while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonLocation keyAt = parser.currentTokenLocation();
        if (keys.containsKey(key)) {
          throw new SpecException(file, keyAt.getLineNr(), keyAt.getColumnNr(), "'" + key + "' is given twice in"
              + " this mapping (first on line " + keys.get(key)[0] + "); keep one");
        }
        keys.put(key, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
        entries.put(key, node(parser, parser.nextToken()));
      }
      if (next != JsonToken.END_OBJECT) {
        throw new SpecException(file, line, column, "a mapping's key must be a text");
      }
      return new YamlNode.Mapping(file, line, column, entries, keys);
    }

    private void count(long nodes, int line, int column) {
      expanded += nodes;
      if (expanded > MAX_NODES) {
        throw new SpecException(file, line, column, "expands to more than " + MAX_NODES + " values through its"
            + " aliases; write the values out, or use fewer anchors");
      }
    }
  }

  /** A parser's complaint as one line at its place, without the parser's own multi-line snippet. */
  private static SpecException yamlProblem(String file, Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int line = 0;
    int column = 0;
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
      line = p.getLocation().getLineNr();
      column = p.getLocation().getColumnNr();
      message = p.getOriginalMessage();
    }
    String firstLine = message.lines().findFirst().orElse(message).strip();
    if (firstLine.contains("code points") || firstLine.contains("exceeds the limit")) {
      firstLine = "is larger than the " + MAX_BYTES + " characters a spec may have; split it into several files";
    } else if (firstLine.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")) {
      firstLine = "nests mappings and lists more than " + MAX_DEPTH + " levels deep; a spec needs a few";
    } else {
      firstLine = "is not valid YAML: " + firstLine;
    }
    return line > 0 ? new SpecException(file, line, column, firstLine) : new SpecException(file, firstLine);
  }
}
