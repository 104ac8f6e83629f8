package dev.sredsl.check;

import dev.sredsl.problem.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import java.util.List;
import java.util.function.Consumer;

/** Declares services the way users do and returns what validation says about them, as message lines. */
final class Declared {

  private Declared() {}

  /** Validation problems of one service, after checking that declaring it raised none. */
  static List<String> problemsOf(String serviceName, Consumer<ServiceBuilder> spec) {
    SreRegistry sre = new SreRegistry();
    sre.service(serviceName, spec);
    return problemsOf(sre);
  }

  /** Validation problems of all services of the registry, after checking that declaring raised none. */
  static List<String> problemsOf(SreRegistry sre) {
    Declarations declarations = sre.declarations();
    assertEquals(List.of(), lines(declarations.problems()), "problems while declaring");
    return lines(new DefinitionValidator().validate(declarations.services()));
  }

  static List<String> lines(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }
}
