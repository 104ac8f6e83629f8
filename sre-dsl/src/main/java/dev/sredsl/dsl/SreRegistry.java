package dev.sredsl.dsl;

import dev.sredsl.problem.ElementProblems;
import dev.sredsl.problem.Problem;
import dev.sredsl.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Where definitions declare their services. One registry collects the declarations of a whole build. */
public final class SreRegistry {

  private final Map<String, String> originByService = new LinkedHashMap<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private String origin = "the definitions";

  /**
   * Declares a service.
   *
   * @param name lower-case letters, digits and dashes, e.g. {@code checkout}; it names the generated
   *     files
   */
  public SreRegistry service(String name, Consumer<ServiceBuilder> spec) {
    // An unnamed service is reported by validation; it cannot clash with a service named "null".
    String earlier = name == null ? null : originByService.putIfAbsent(name, origin);
    if (earlier != null) {
      problems.add(Problem.of(name, null, earlier.equals(origin)
          ? "declared twice in " + origin + "; declare each service once"
          : "declared in both " + earlier + " and " + origin + "; declare each service in one place"));
      return this;
    }
    Scope scope = new Scope(new ElementProblems(name, null, problems));
    ServiceBuilder builder = new ServiceBuilder(name, scope);
    if (scope.run(builder, spec)) {
      services.add(builder.build());
    }
    return this;
  }

  /**
   * Runs one definitions object against this registry; problems are attributed to its class. For
   * tools (the Maven plugin, tests); definitions call only {@link #service}.
   */
  public void collect(SreDefinitions definitions) {
    origin = definitions.getClass().getName();
    definitions.define(this);
  }

  /** Records a problem found outside any service, e.g. a definitions class that could not run. */
  public void report(Problem problem) {
    problems.add(problem);
  }

  /** Everything declared so far, services sorted by name. */
  public Declarations declarations() {
    List<Service> sorted = new ArrayList<>(services);
    sorted.sort(Comparator.comparing(s -> String.valueOf(s.name())));
    return new Declarations(sorted, problems);
  }
}
