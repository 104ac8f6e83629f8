package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coverage as tables of plain text, built once for every report that shows it: the Markdown
 * report (pull-request comment, CI step summary) and the project-site page render the same cells.
 *
 * @param summary a row per service and, last, the row of all services; a column per counter
 * @param gaps per service with items not covered (missed or waived), a table of those items
 * @param violations the gate's verdict, one sentence per violation; empty when every rule is met
 */
public record CoverageTables(Table summary, List<ServiceGaps> gaps, List<String> violations) {

  /** Header cells, then rows of cells, all plain text. */
  public record Table(List<String> header, List<List<String>> rows) {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** The items of one service that are not covered. */
  public record ServiceGaps(String service, Table items) {}

  /** The first cell of the summary's last row. */
  public static final String ALL_SERVICES = "all services";

  public CoverageTables {
    gaps = List.copyOf(gaps);
    violations = List.copyOf(violations);
  }

  /** @param baseline an earlier build's ratios, shown as changes in percentage points; may be null */
  public static CoverageTables of(Coverage coverage, List<String> violations, Baseline baseline) {
    List<String> header = new ArrayList<>(List.of("Service"));
    for (CoverageCounter counter : CoverageCounter.values()) {
      header.add(title(counter));
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> scopes = new ArrayList<>(coverage.services());
    scopes.add(null);
    for (String scope : scopes) {
      List<String> row = new ArrayList<>(List.of(scope == null ? ALL_SERVICES : scope));
      for (CoverageCounter counter : CoverageCounter.values()) {
        row.add(cell(coverage.value(scope, counter), change(baseline, scope, counter, coverage)));
      }
      rows.add(row);
    }
    List<ServiceGaps> gaps = new ArrayList<>();
    for (String service : coverage.services()) {
      List<List<String>> items = new ArrayList<>();
      for (CoverageItem item : coverage.items(service)) {
        if (!item.missing().isEmpty()) {
          items.add(List.of(title(item.counter()), item.name(), item.missing(),
              item.waiver() == null ? "" : item.waiver()));
        }
      }
      if (!items.isEmpty()) {
        gaps.add(new ServiceGaps(service, new Table(List.of("Counter", "Item", "Missing", "Waived because"), items)));
      }
    }
    return new CoverageTables(new Table(header, rows), gaps, violations);
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
}
