package dev.sredsl.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.generate.Json;
import dev.sredsl.generate.MarkdownTables;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.output.GeneratedFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Both reports: {@value #JSON_FILE}, then {@value #MARKDOWN_FILE}. */
  public static List<GeneratedFile> write(Coverage coverage, List<String> violations, Baseline baseline) {
    return write(coverage, CoverageTables.of(coverage, violations, baseline));
  }

  /** Both reports of coverage already drawn as {@code tables}. */
  public static List<GeneratedFile> write(Coverage coverage, CoverageTables tables) {
    return List.of(GeneratedFile.text(JSON_FILE, Json.write(json(coverage, tables.violations()))),
        GeneratedFile.text(MARKDOWN_FILE, markdown(tables)));
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

  /** The tables as Markdown: the summary, then the violations, then each service's gaps. */
  public static String markdown(CoverageTables tables) {
    StringBuilder md = new StringBuilder("## SRE coverage\n\n");
    List<List<String>> rows = tables.summary().rows();
    row(md, tables.summary().header());
    md.append("|---|").append("---:|".repeat(tables.summary().header().size() - 1)).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = new ArrayList<>(rows.get(r));
      if (r == rows.size() - 1) {
        row.set(0, "**" + row.get(0) + "**"); // the row of all services
      }
      row(md, row);
    }
    md.append('\n');
    if (tables.violations().isEmpty()) {
      md.append("All coverage checks are met.\n");
    } else {
      md.append("### Violations\n\n");
      tables.violations().forEach(v -> md.append("- ").append(MarkdownTables.cell(v)).append('\n'));
    }
    for (CoverageTables.ServiceGaps gaps : tables.gaps()) {
      md.append("\n### ").append(MarkdownTables.cell(gaps.service())).append("\n\n");
      row(md, gaps.items().header());
      md.append("|---|---|---|---|\n");
      gaps.items().rows().forEach(row -> row(md, row));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, List<String> cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(MarkdownTables.cell(cell)).append(" |");
    }
    md.append('\n');
  }
}
