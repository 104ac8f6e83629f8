package dev.sredsl.pipeline;

import dev.sredsl.diff.Plan;
import java.util.List;

/**
 * What {@code sre:diff} found.
 *
 * @param plan the changes and risks
 * @param markdown the plan as written to {@code sre-diff.md}, for the CI step summary
 * @param messages lines to log as information
 * @param risks the unacknowledged risks, one line each, to log as warnings
 * @param violations the risks the rules fail the build on, one line each with the fix
 */
public record DiffOutcome(Plan plan, String markdown, List<String> messages, List<String> risks,
    List<String> violations) {

  public DiffOutcome {
    messages = List.copyOf(messages);
    risks = List.copyOf(risks);
    violations = List.copyOf(violations);
  }

  public boolean passed() {
    return violations.isEmpty();
  }
}
