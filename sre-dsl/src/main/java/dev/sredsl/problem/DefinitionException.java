package dev.sredsl.problem;

import java.util.List;

/**
 * The declarations cannot be used: carries every problem found, not only the first, like a
 * compiler. Its message is a summary line; print {@link #problems()} one per line.
 */
public final class DefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public DefinitionException(List<Problem> problems) {
    super(summary(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    return problems.size() == 1
        ? "the SRE definitions have 1 problem: " + problems.get(0)
        : "the SRE definitions have " + problems.size() + " problems";
  }
}
