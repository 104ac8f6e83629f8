package dev.sredsl.promql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the real promtool whether Prometheus accepts each expression: every expression becomes the
 * recording rule of a rules file of its own, and one promtool process checks a batch of files.
 */
final class PromtoolVerdicts {

  private static final int BATCH = 1000;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PromtoolVerdicts() {}

  /** For each expression, whether promtool accepts it. */
  static List<Boolean> of(List<String> expressions, Path workDir) throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      Path file = workDir.resolve("e" + i + ".yml");
      Map<String, Object> rule = Map.of("record", "corpus:expr", "expr", expressions.get(i));
      YAML.writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "g", "rules", List.of(rule)))));
      files.add(file);
    }
    Map<String, Boolean> verdictByFile = new HashMap<>();
    for (int start = 0; start < files.size(); start += BATCH) {
      List<String> args = new ArrayList<>(List.of("check", "rules"));
      files.subList(start, Math.min(files.size(), start + BATCH)).forEach(f -> args.add(f.toString()));
      String current = null;
      for (String line : promtool.run(args.toArray(String[]::new)).output().split("\n")) {
        if (line.startsWith("Checking ")) {
          current = line.substring("Checking ".length()).strip();
        } else if (current != null && line.strip().startsWith("SUCCESS")) {
          verdictByFile.put(current, true);
        } else if (current != null && line.strip().startsWith("FAILED")) {
          verdictByFile.put(current, false);
        }
      }
    }
    List<Boolean> verdicts = new ArrayList<>();
    for (Path file : files) {
      Boolean verdict = verdictByFile.get(file.toString());
      if (verdict == null) {
        throw new IllegalStateException("promtool printed no verdict for " + file + ": " + Files.readString(file));
      }
      verdicts.add(verdict);
    }
    return verdicts;
  }
}
