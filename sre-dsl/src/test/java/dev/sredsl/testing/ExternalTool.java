package dev.sredsl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A validator binary the tests run for real (promtool, amtool). In CI ({@code CI=true}) a missing
 * binary fails the test; elsewhere the test is skipped with a message saying what to install.
 */
public final class ExternalTool {

  private final String name;
  private final String debianPackage;

  private ExternalTool(String name, String debianPackage) {
    this.name = name;
    this.debianPackage = debianPackage;
  }

  public static ExternalTool promtool() {
    return new ExternalTool("promtool", "prometheus");
  }

  /** The Prometheus server itself, for tests that run the generated rules live. */
  public static ExternalTool prometheus() {
    return new ExternalTool("prometheus", "prometheus");
  }

  public static ExternalTool amtool() {
    return new ExternalTool("amtool", "prometheus-alertmanager");
  }

  /** The binary's path; fails in CI and skips elsewhere when it is not installed. */
  public Path require() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = name + " is not on the PATH; install it with: apt-get install -y " + debianPackage;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true, so this test may not be skipped)");
    }
    Assumptions.abort(message);
    return null;
  }

  /** Runs the tool with the arguments and returns exit code and combined output. */
  public Run run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail(name + " did not finish within 2 minutes");
      }
      return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Exit code and output of one run. */
  public record Run(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }
}
