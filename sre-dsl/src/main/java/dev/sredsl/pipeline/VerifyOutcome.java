package dev.sredsl.pipeline;

import dev.sredsl.verify.Finding;
import dev.sredsl.verify.VerifyResult;
import java.util.List;

/**
 * What {@link VerifyGoal} found.
 *
 * @param markdown the Markdown report, as written to {@code sre-verify.md}
 * @param messages what to tell the user, one line each
 */
public record VerifyOutcome(VerifyResult result, String markdown, List<String> messages) {

  public VerifyOutcome {
    messages = List.copyOf(messages);
  }

  /** The gate's violations, one sentence each. */
  public List<String> violations() {
    return result.violations();
  }

  public boolean passed() {
    return result.violations().isEmpty();
  }

  /** Findings worth a warning: errors and warnings, not information. */
  public List<String> warnings() {
    return result.services().stream().flatMap(s -> s.findings().stream())
        .filter(f -> f.kind().severity() != Finding.Level.INFO).map(Finding::toString).toList();
  }
}
