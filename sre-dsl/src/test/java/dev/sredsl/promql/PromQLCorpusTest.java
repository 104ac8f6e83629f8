package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser accepts exactly what Prometheus 2.42 accepts: on a corpus of hand-written expressions
 * (src/test/resources/promql/corpus.tsv, verdicts recorded from promtool and re-checked here against
 * the installed promtool), on random valid trees, and on mutations of valid expressions.
 */
class PromQLCorpusTest {

  @TempDir
  Path work;

  /** One corpus line: promtool's verdict and the expression. */
  record Entry(boolean valid, String expression) {}

  static List<Entry> corpus() throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = PromQLCorpusTest.class.getResourceAsStream("/promql/corpus.tsv")) {
      // Lines are not trimmed: one entry is an expression of three spaces.
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        int tab = line.indexOf('\t');
        if (line.startsWith("##") || tab < 0) {
          continue;
        }
        entries.add(new Entry(line.substring(0, tab).equals("valid"), line.substring(tab + 1)));
      }
    }
    return entries;
  }

  private static boolean accepts(String expression) {
    try {
      PromQL.parse(expression);
      return true;
    } catch (PromQLException rejected) {
      return false;
    }
  }

  @Test
  void theCorpusIsLargeAndCoversBothVerdicts() throws IOException {
    List<Entry> corpus = corpus();
    long valid = corpus.stream().filter(Entry::valid).count();
    assertTrue(corpus.size() >= 300, "corpus has " + corpus.size() + " expressions");
    assertTrue(valid >= 100 && corpus.size() - valid >= 100, valid + " valid of " + corpus.size());
  }

  @Test
  void theParserGivesTheRecordedVerdictForEveryCorpusExpression() throws IOException {
    List<String> disagreements = new ArrayList<>();
    for (Entry entry : corpus()) {
      if (accepts(entry.expression()) != entry.valid()) {
        disagreements.add((entry.valid() ? "promtool accepts, parser rejects: " : "promtool rejects, parser accepts: ")
            + entry.expression());
      }
    }
    assertEquals(List.of(), disagreements);
  }

  @Test
  void theRecordedVerdictsAreThoseOfTheInstalledPromtool() throws IOException {
    List<Entry> corpus = corpus();
    List<Boolean> promtool = PromtoolVerdicts.of(corpus.stream().map(Entry::expression).toList(), work);
    List<String> stale = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (promtool.get(i) != corpus.get(i).valid()) {
        stale.add(corpus.get(i).expression());
      }
    }
    assertEquals(List.of(), stale, "recorded verdicts that promtool no longer gives");
  }

  @Test
  void promtoolAcceptsEveryPrintedRandomTree() throws IOException {
    RandomExprs random = new RandomExprs(42L);
    List<String> printed = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      printed.add(random.next().toString());
    }
    List<Boolean> promtool = PromtoolVerdicts.of(printed, work);
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < printed.size(); i++) {
      if (!promtool.get(i)) {
        rejected.add(printed.get(i));
      }
    }
    assertEquals(List.of(), rejected);
  }

  @Test
  void theParserAndPromtoolAgreeOnMutationsOfValidExpressions() throws IOException {
    List<String> valid = corpus().stream().filter(Entry::valid).map(Entry::expression).toList();
    List<String> mutants = Mutations.of(valid, 20261127L, 3000);
    List<Boolean> promtool = PromtoolVerdicts.of(mutants, work);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < mutants.size(); i++) {
      if (accepts(mutants.get(i)) != promtool.get(i)) {
        disagreements.add((promtool.get(i) ? "promtool accepts, parser rejects: " : "promtool rejects, parser accepts: ")
            + mutants.get(i));
      }
    }
    assertEquals(List.of(), disagreements);
  }
}
