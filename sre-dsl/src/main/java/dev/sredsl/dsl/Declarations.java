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
 * @param importedOnly names of the services only YAML specs declare: they have no tier until Java
 *     gives them one, and the coverage gate reports that instead of validation
 */
public record Declarations(List<Service> services, List<Problem> problems, java.util.Set<String> importedOnly) {

  public Declarations {
    services = List.copyOf(services);
    problems = List.copyOf(problems);
    importedOnly = java.util.Set.copyOf(importedOnly);
  }

  /** Declarations of Java definitions alone. */
  public Declarations(List<Service> services, List<Problem> problems) {
    this(services, problems, java.util.Set.of());
  }
}
