package dev.sredsl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Asks the real {@code amtool config routes test} where alerts go: one process per label set (amtool
 * takes one alert per run), two at a time for the machine's two cores. amtool prints the receivers on
 * stdout joined with commas, in the order Alertmanager notifies them, and a warning about
 * {@code --config.file} on stderr, which is left out.
 */
public final class AmtoolRouting {

  private static final int PARALLEL = 2;

  private AmtoolRouting() {}

  /** One question: an alert's labels under a configuration file. */
  public record Case(Path config, Map<String, String> labels) {}

  /**
   * amtool's answer to each case, in the order of the cases: its stdout without the final line break,
   * e.g. {@code team-a-page,audit}. Fails when amtool exits with an error.
   */
  public static List<String> receivers(List<Case> cases) {
    Path amtool = ExternalTool.amtool().require();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (Case c : cases) {
        answers.add(pool.submit(() -> run(amtool, c)));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> answer : answers) {
        out.add(answer.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The labels as amtool's arguments: each {@code name="value"}, the value escaped as in a matcher
   * ({@code \\}, {@code \"}, {@code \n}), so that any value arrives whole,
   * spaces and templates included.
   */
  public static List<String> labelArguments(Map<String, String> labels) {
    List<String> args = new ArrayList<>();
    new TreeMap<>(labels).forEach((name, value) -> {
      StringBuilder arg = new StringBuilder(name).append("=\"");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> arg.append("\\\\");
          case '"' -> arg.append("\\\"");
          case '\n' -> arg.append("\\n");
          default -> arg.append(c);
        }
      }
      args.add(arg.append('"').toString());
    });
    return args;
  }

  private static String run(Path amtool, Case c) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(amtool.toString(), "config", "routes", "test",
        "--config.file=" + c.config()));
    command.addAll(labelArguments(c.labels()));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("amtool did not finish within a minute: " + command);
    }
    if (process.exitValue() != 0) {
      fail("amtool failed (" + process.exitValue() + ") on " + c + ": " + stdout + stderr);
    }
    return stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
  }
}
