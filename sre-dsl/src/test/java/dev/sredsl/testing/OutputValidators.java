package dev.sredsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.generate.alertmanager.RoutingExpectations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * The real validators over a written output tree, for tests that generate many files: promtool and
 * amtool are started once per batch of files rather than once per file, so a thousand services stay
 * a matter of seconds.
 */
public final class OutputValidators {

  /** promtool is given this many files per run: far below any argument-length limit. */
  private static final int BATCH = 200;

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OutputValidators() {}

  /** Files under {@code root} whose path relative to it ends with {@code suffix}, sorted. */
  public static List<Path> files(Path root, String suffix) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).filter(p -> root.relativize(p).toString().endsWith(suffix))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code promtool check rules} on every file, in batches; asserts success. */
  public static void promtoolCheckRules(List<Path> rules) {
    promtool(rules, "check", "rules");
  }

  /** {@code promtool test rules} on every file, in batches; asserts that every test passes. */
  public static void promtoolTestRules(List<Path> tests) {
    promtool(tests, "test", "rules");
  }

  private static void promtool(List<Path> files, String... command) {
    run(ExternalTool.promtool(), files, command);
  }

  private static void run(ExternalTool tool, List<Path> files, String... command) {
    assertTrue(!files.isEmpty(), "no files to check");
    for (int from = 0; from < files.size(); from += BATCH) {
      List<String> args = new ArrayList<>(List.of(command));
      files.subList(from, Math.min(files.size(), from + BATCH)).forEach(f -> args.add(f.toString()));
      ExternalTool.Run run = tool.run(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), String.join(" ", command) + " failed:\n" + run.output());
    }
  }

  /** {@code amtool check-config}; asserts success. */
  public static void amtoolCheckConfig(Path config) {
    amtoolCheckConfig(List.of(config));
  }

  /** {@code amtool check-config} on every file, in batches; asserts success. */
  public static void amtoolCheckConfig(List<Path> configs) {
    run(ExternalTool.amtool(), configs, "check-config");
  }

  /**
   * Runs every case of {@code routes.tests.txt} against {@code routes.yml}, both in {@code folder}, with
   * the one-line command the file's header and the README give (sh, grep, xargs, amtool); asserts that
   * it succeeds and that amtool ran once per case.
   */
  public static void amtoolRoutesTests(Path folder) {
    ExternalTool.Run run = routesTestsCommand(folder);
    assertEquals(0, run.exitCode(), RoutingExpectations.RUN_ALL + " failed:\n" + run.output());
    long cases;
    try {
      // Lines as xargs reads them: a team name may hold a carriage return, which Files.lines would
      // take for the end of a line.
      cases = java.util.Arrays.stream(Files.readString(folder.resolve("routes.tests.txt")).split("\n"))
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // xargs -t shows each command it runs.
    assertEquals(cases, run.output().lines().filter(l -> l.startsWith("amtool config routes test ")).count(),
        run.output());
  }

  /** The README's command over the routing expectations in {@code folder}: exit code and all output. */
  public static ExternalTool.Run routesTestsCommand(Path folder) {
    ExternalTool.amtool().require();
    try {
      Process process = new ProcessBuilder("sh", "-c", RoutingExpectations.RUN_ALL).directory(folder.toFile())
          .redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the routing tests did not finish");
      return new ExternalTool.Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts the dashboard validates against Grafana's dashboard schema; returns it parsed. */
  public static JsonNode grafanaDashboard(Path file) {
    JsonNode dashboard = read(JSON, file);
    List<String> problems = GrafanaSchema.validate(dashboard, GrafanaSchema.DASHBOARD);
    assertTrue(problems.isEmpty(), file + " does not match Grafana's dashboard schema: " + problems);
    return dashboard;
  }

  /** The CommonMark document of a Markdown file. */
  public static Node commonMark(Path file) {
    try {
      return Parser.builder().build().parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }
}
