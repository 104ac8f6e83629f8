package dev.sredsl.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.generate.Json;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.output.GeneratedFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gate's reports, written to the output's {@code coverage} folder: {@code sre-coverage.json} (schema {@value #SCHEMA}, stable: fields are
 * only ever added) and {@code sre-coverage.md}, a summary table and a table per service,
 * fit for a pull-request comment or a CI step summary.
 */
public final class CoverageReports {

  public static final String SCHEMA = "sre-dsl/coverage/v1";
  public static final String JSON_FILE = "sre-coverage.json";
  public static final String MARKDOWN_FILE = "sre-coverage.md";

  private CoverageReports() {}

  public static List<GeneratedFile> write(Coverage coverage, List<String> violations, Baseline baseline) {
    return List.of(GeneratedFile.text(JSON_FILE, Json.write(json(coverage, violations))),
        GeneratedFile.text(MARKDOWN_FILE, markdown(coverage, violations, baseline)));
  }

  static Map<String, Object> json(Coverage coverage, List<String> violations) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("build", counters(coverage, null));
    List<Object> services = new ArrayList<>();
    for (String service : coverage.services()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", service);
      s.put("counters", counters(coverage, service));
      List<Object> items = new ArrayList<>();
      for (CoverageItem item : coverage.items(service)) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("counter", item.counter().name());
        i.put("name", item.name());
        i.put("covered", item.missing().isEmpty());
        i.put("missing", item.missing());
        i.put("waiver", item.waiver());
        items.add(i);
      }
      s.put("items", items);
      services.add(s);
    }
    root.put("services", services);
    root.put("violations", violations);
    return root;
  }

  private static Map<String, Object> counters(Coverage coverage, String service) {
    Map<String, Object> counters = new LinkedHashMap<>();
    coverage.values(service).forEach((counter, value) -> {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("covered", value.covered());
      v.put("missed", value.missed());
      v.put("waived", value.waived());
      v.put("total", value.total());
      v.put("ratio", value.coveredRatio());
      counters.put(counter.name(), v);
    });
    return counters;
  }

  /** Reads the ratios of an earlier {@code sre-coverage.json}. */
  public static Baseline baseline(JsonNode json) {
    if (!SCHEMA.equals(json.path("schema").asText())) {
      throw new IllegalArgumentException("not an sre-dsl coverage report (schema " + SCHEMA + ")");
    }
    Map<String, Map<CoverageCounter, Double>> ratios = new TreeMap<>();
    ratios.put("", ratios(json.path("build")));
    for (JsonNode service : json.path("services")) {
      ratios.put(service.path("name").asText(), ratios(service.path("counters")));
    }
    return new Baseline(ratios);
  }

  private static Map<CoverageCounter, Double> ratios(JsonNode counters) {
    Map<CoverageCounter, Double> ratios = new EnumMap<>(CoverageCounter.class);
    for (CoverageCounter counter : CoverageCounter.values()) {
      JsonNode ratio = counters.path(counter.name()).path("ratio");
      if (ratio.isNumber()) {
        ratios.put(counter, ratio.asDouble());
      }
    }
    return ratios;
  }

  static String markdown(Coverage coverage, List<String> violations, Baseline baseline) {
    StringBuilder md = new StringBuilder("## SRE coverage\n\n");
    md.append("| Service |");
    for (CoverageCounter counter : CoverageCounter.values()) {
      md.append(' ').append(title(counter)).append(" |");
    }
    md.append("\n|---|").append("---:|".repeat(CoverageCounter.values().length)).append('\n');
    List<String> scopes = new ArrayList<>(coverage.services());
    scopes.add(null);
    for (String scope : scopes) {
      md.append("| ").append(scope == null ? "**all services**" : escape(scope)).append(" |");
      for (CoverageCounter counter : CoverageCounter.values()) {
        md.append(' ').append(cell(coverage.value(scope, counter), change(baseline, scope, counter, coverage)))
            .append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
    if (violations.isEmpty()) {
      md.append("All coverage checks are met.\n");
    } else {
      md.append("### Violations\n\n");
      violations.forEach(v -> md.append("- ").append(escape(v)).append('\n'));
    }
    for (String service : coverage.services()) {
      List<CoverageItem> notCovered = coverage.items(service).stream().filter(i -> !i.missing().isEmpty()).toList();
      if (notCovered.isEmpty()) {
        continue;
      }
      md.append("\n### ").append(escape(service)).append("\n\n| Counter | Item | Missing | Waived because |\n|---|---|---|---|\n");
      for (CoverageItem item : notCovered) {
        md.append("| ").append(title(item.counter())).append(" | ").append(escape(item.name())).append(" | ")
            .append(escape(item.missing())).append(" | ").append(item.waiver() == null ? "" : escape(item.waiver()))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static String cell(CounterValue value, String change) {
    if (value.total() == 0) {
      return "n/a";
    }
    return value.covered() + "/" + value.total() + " (" + Math.round(value.coveredRatio() * 100) + "%"
        + (value.waived() > 0 ? ", " + value.waived() + " waived" : "") + ")" + change;
  }

  private static String change(Baseline baseline, String scope, CoverageCounter counter, Coverage coverage) {
    if (baseline == null) {
      return "";
    }
    Map<CoverageCounter, Double> before = baseline.ratios().get(scope == null ? "" : scope);
    if (before == null || !before.containsKey(counter)) {
      return " new";
    }
    long delta = Math.round((coverage.value(scope, counter).coveredRatio() - before.get(counter)) * 100);
    return delta == 0 ? "" : String.format(Locale.ROOT, " %+d pp", delta);
  }

  private static String title(CoverageCounter counter) {
    String words = Counters.words(counter).replace(" coverage", "");
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** Table cells and list items hold user text; '|' and line breaks must not break them. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
  }
}
