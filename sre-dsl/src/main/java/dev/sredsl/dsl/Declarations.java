package dev.sredsl.dsl;

import dev.sredsl.problem.Problem;
import dev.sredsl.model.Service;
import java.util.List;

/**
 * What the definitions declared: the services, sorted by name, and the problems already found while
 * declaring them (misused builders, a service declared twice, a definitions class that threw).
 */
public record Declarations(List<Service> services, List<Problem> problems) {

  public Declarations {
    services = List.copyOf(services);
    problems = List.copyOf(problems);
  }
}
