package dev.sredsl.dsl;

import dev.sredsl.problem.Problem;
import dev.sredsl.model.Service;
import java.util.List;

/**
 * What the definitions declared: the services, sorted by name, and the problems already found while
 * declaring them (misused builders, a service declared twice, a definitions class that threw). Returned
 * by {@code SreRegistry.declarations()}; tools validate the services next and report these problems
 * together with the ones validation finds.
 *
 * @param services the declared services, sorted by name; unmodifiable
 * @param problems problems found while declaring, in the order found; unmodifiable
 */
public record Declarations(List<Service> services, List<Problem> problems) {

  public Declarations {
    services = List.copyOf(services);
    problems = List.copyOf(problems);
  }
}
