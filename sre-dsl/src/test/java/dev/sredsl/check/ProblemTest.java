package dev.sredsl.check;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void formatsServiceElementAndMessageOnOneLine() {
    Problem problem = Problem.of("checkout", "alert 'HighErrors'", "'for' must be positive, was 0s; give a"
        + " wait such as .lasting(\"5m\"); a condition that must hold for more than a day belongs in an"
        + " SLO's slow-burn alert");

    assertEquals("service 'checkout', alert 'HighErrors': 'for' must be positive, was 0s; give a wait such"
        + " as .lasting(\"5m\"); a condition that must hold for more than a day belongs in an SLO's"
        + " slow-burn alert", problem.toString());
  }

  @Test
  void leavesTheElementOutForAProblemOfTheServiceItself() {
    assertEquals("service 'checkout': tier is missing",
        Problem.of("checkout", null, "tier is missing").toString());
  }

  @Test
  void showsOnlyTheElementWhenNoServiceIsKnown() {
    assertEquals("dependency #1: name is missing",
        Problem.of(null, "dependency #1", "name is missing").toString());
  }

  @Test
  void showsOnlyTheMessageForAProblemOutsideAnyService() {
    assertEquals("the definitions declare no service",
        Problem.of(null, null, "the definitions declare no service").toString());
  }

  @Test
  void quotesAnEmptyServiceNameVisibly() {
    assertEquals("service '': service name is missing",
        Problem.of("", null, "service name is missing").toString());
  }

  @Test
  void escapesControlCharactersSoAHostileNameCannotSplitTheLine() {
    String line = Problem.of("check\nout\r\t\u0000\u007f\u0085", null, "is not valid").toString();

    assertEquals("service 'check\\u000aout\\u000d\\u0009\\u0000\\u007f\\u0085': is not valid", line);
    assertFalse(line.contains("\n"));
  }

  @Test
  void keepsNonAsciiLettersAsTheyAre() {
    assertEquals("'café'", Problem.quoteName("café"));
    assertEquals("'日本'", Problem.quoteName("日本"));
  }

  @Test
  void definitionExceptionWithOneProblemSaysWhichInItsMessage() {
    DefinitionException e = new DefinitionException(List.of(Problem.of("checkout", null, "tier is missing")));

    assertEquals("the SRE definitions have 1 problem: service 'checkout': tier is missing", e.getMessage());
  }

  @Test
  void definitionExceptionWithSeveralProblemsCountsThemAndKeepsTheirOrder() {
    List<Problem> problems = List.of(
        Problem.of("checkout", null, "tier is missing"),
        Problem.of("payments", null, "tier is missing"));

    DefinitionException e = new DefinitionException(problems);

    assertEquals("the SRE definitions have 2 problems", e.getMessage());
    assertEquals(problems, e.problems());
  }
}
