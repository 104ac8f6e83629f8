package dev.sredsl.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trees the generators build (maps with text keys, collections, strings, booleans, {@code Integer},
 * {@code Long}, {@code Double}, {@code BigDecimal} (written only; a tree of JSON nodes takes it from
 * the mapper) and {@code null}) written to a Jackson generator with exactly the calls
 * Jackson's databind makes for those types, so the bytes are the ones an {@link ObjectMapper} writes,
 * without loading databind's serializers: an {@code ObjectMapper} and its first serialization load some
 * 400 classes, the largest single cost of a build's first generation. A value of any other type goes to
 * the mapper given, made only then.
 */
final class PlainTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PlainTree() {}

  /**
   * @param others the mapper that writes a value of another type, as it would have written the whole
   *     tree
   */
  static void write(JsonGenerator out, Object value, Supplier<ObjectMapper> others) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String text) {
      out.writeString(text);
    } else if (value instanceof Boolean flag) {
      out.writeBoolean(flag);
    } else if (value instanceof Integer number) {
      out.writeNumber(number);
    } else if (value instanceof Long number) {
      out.writeNumber(number);
    } else if (value instanceof Double number) {
      out.writeNumber(number);
    } else if (value instanceof java.math.BigDecimal number) {
      out.writeNumber(number);
    } else if (value instanceof Map<?, ?> map && hasTextKeys(map)) {
      out.writeStartObject(map);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeFieldName((String) entry.getKey());
        write(out, entry.getValue(), others);
      }
      out.writeEndObject();
    } else if (value instanceof Collection<?> elements) {
      out.writeStartArray(elements, elements.size());
      for (Object element : elements) {
        write(out, element, others);
      }
      out.writeEndArray();
    } else {
      others.get().writeValue(out, value);
    }
  }

  /** The tree as the {@link JsonNode} that {@link ObjectMapper#valueToTree} makes of it. */
  static JsonNode node(Object value, Supplier<ObjectMapper> others) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof String text) {
      return NODES.textNode(text);
    } else if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    } else if (value instanceof Integer number) {
      return NODES.numberNode(number);
    } else if (value instanceof Long number) {
      return NODES.numberNode(number);
    } else if (value instanceof Double number) {
      return NODES.numberNode(number);

    } else if (value instanceof Map<?, ?> map && hasTextKeys(map)) {
      ObjectNode object = NODES.objectNode();
      map.forEach((key, member) -> object.set((String) key, node(member, others)));
      return object;
    } else if (value instanceof Collection<?> elements) {
      ArrayNode array = NODES.arrayNode(elements.size());
      elements.forEach(element -> array.add(node(element, others)));
      return array;
    }
    return others.get().valueToTree(value);
  }

  private static boolean hasTextKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }
}
