package dev.sredsl.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Publishes the gate's outcome on GitHub Actions: the Markdown table is appended to the job's step
 * summary ({@code GITHUB_STEP_SUMMARY}) and each violation becomes an {@code ::error} annotation on
 * standard output, where the runner reads workflow commands. Elsewhere it does nothing.
 */
public final class GitHubActions {

  private GitHubActions() {}

  /**
   * Publishes the coverage gate's outcome: each violation an error.
   *
   * @param environment the process environment, e.g. {@code System.getenv()}
   * @param stdout where workflow commands go, e.g. {@code System.out}
   * @throws UncheckedIOException when the step summary cannot be appended to
   */
  public static void publish(CheckOutcome outcome, Map<String, String> environment, PrintStream stdout) {
    publish("SRE coverage", outcome.markdown(), outcome.violations(), List.of(), environment, stdout);
  }

  /**
   * Publishes a report: the Markdown into the step summary, {@code errors} as {@code ::error} and
   * {@code warnings} as {@code ::warning} annotations titled {@code title}.
   *
   * @throws UncheckedIOException when the step summary cannot be appended to
   */
  public static void publish(String title, String markdown, List<String> errors, List<String> warnings,
      Map<String, String> environment, PrintStream stdout) {
    String summary = environment.get("GITHUB_STEP_SUMMARY");
    if (summary != null && !summary.isBlank()) {
      try {
        Files.writeString(Path.of(summary), markdown + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to GITHUB_STEP_SUMMARY " + summary + ": " + e.getMessage(), e);
      }
    }
    if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
      for (String error : errors) {
        stdout.println("::error title=" + title + "::" + escape(error));
      }
      for (String warning : warnings) {
        stdout.println("::warning title=" + title + "::" + escape(warning));
      }
    }
  }

  /** A workflow command's message is one line: '%', CR and LF are written as their escapes. */
  static String escape(String message) {
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }
}
