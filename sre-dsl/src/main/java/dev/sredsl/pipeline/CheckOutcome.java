package dev.sredsl.pipeline;

import dev.sredsl.coverage.CoverageTables;
import java.util.List;

/**
 * The coverage gate's outcome, from {@link CheckGoal}.
 *
 * @param tables the coverage and the violations
 * @param markdown the Markdown report, as written to {@code sre-coverage.md}
 * @param messages what to tell the user, one line each
 */
public record CheckOutcome(CoverageTables tables, String markdown, List<String> messages) {

  public CheckOutcome {
    messages = List.copyOf(messages);
  }

  /** One sentence per violation, for a reviewer to act on; empty when the gate passed. */
  public List<String> violations() {
    return tables.violations();
  }

  /** Whether every rule is met. */
  public boolean passed() {
    return tables.violations().isEmpty();
  }
}
