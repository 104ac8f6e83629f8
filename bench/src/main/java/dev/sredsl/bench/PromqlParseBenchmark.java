package dev.sredsl.bench;

import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PromQL parsing throughput over the parser's test corpus (valid and invalid expressions, as a
 * build meets them): one operation parses, type-checks and, for valid ones, prints one expression.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PromqlParseBenchmark {

  private String[] all;
  private String[] valid;
  private Expr[] trees;
  private int next;

  @Setup
  public void loadCorpus() throws IOException {
    List<String> expressions = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    try (InputStream in = PromqlParseBenchmark.class.getResourceAsStream("/promql/corpus.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("##") && tab >= 0) {
          expressions.add(line.substring(tab + 1));
          if (line.startsWith("valid")) {
            accepted.add(line.substring(tab + 1));
          }
        }
      }
    }
    all = expressions.toArray(String[]::new);
    valid = accepted.toArray(String[]::new);
    trees = accepted.stream().map(PromQL::parse).toArray(Expr[]::new);
  }

  /** Expressions per second, valid and invalid mixed as in the corpus. */
  @Benchmark
  public Object parseCorpus() {
    String expression = all[next++ % all.length];
    try {
      return PromQL.parse(expression);
    } catch (PromQLException rejected) {
      return rejected;
    }
  }

  /** Valid expressions per second. */
  @Benchmark
  public Object parseValid() {
    return PromQL.parse(valid[next++ % valid.length]);
  }

  /** Trees printed per second. */
  @Benchmark
  public String print() {
    return trees[next++ % trees.length].toString();
  }
}
