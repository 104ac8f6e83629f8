package dev.sredsl.pipeline;

import java.util.List;

/**
 * What {@link GenerateGoal} did.
 *
 * @param generated whether files were generated ({@code false}: the output was up to date)
 * @param messages what to tell the user, one line each, in order
 */
public record GenerateOutcome(boolean generated, List<String> messages) {
  public GenerateOutcome {
    messages = List.copyOf(messages);
  }
}
