package dev.sredsl.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file of expected messages: a line that starts in the first column names a case, the
 * indented lines below it are the lines its user must read, in order. Lines starting with {@code #}
 * are comments. Kept as text so that a reviewer reads every message the corpus pins in one place.
 */
final class ExpectedMessages {

  private ExpectedMessages() {}

  static Map<String, List<String>> read(String resource) {
    Map<String, List<String>> messages = new LinkedHashMap<>();
    try (InputStream in = ExpectedMessages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("  ")) {
          if (current == null) {
            throw new IllegalStateException(resource + ": a message before the first case name: " + line);
          }
          current.add(line.substring(2));
        } else {
          current = new ArrayList<>();
          if (messages.put(line, current) != null) {
            throw new IllegalStateException(resource + ": case " + line + " is listed twice");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }
}
