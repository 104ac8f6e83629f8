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

/**
 * Where definitions declare their services. One registry collects the declarations of a whole build.
 * Definitions receive it in {@code SreDefinitions.define}; tools create one, run every definitions
 * class through {@link #collect}, then read {@link #declarations}.
 *
 * <pre>{@code
 * SreRegistry registry = new SreRegistry();
 * registry.collect(new CheckoutMonitoring());
 * Declarations declared = registry.declarations();
 * }</pre>
 */
public final class SreRegistry {

  private final Map<String, String> originByService = new LinkedHashMap<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private String origin = "the definitions";

  /**
   * Declares a service. Its name must be new to the build: a second declaration of the same name, in
   * this or another definitions class, is reported as a problem and ignored. When {@code spec} throws
   * an {@link IllegalArgumentException} the problem is reported with the service's name and the
   * service is left out; other exceptions propagate.
   *
   * @param name lower-case letters, digits and dashes, e.g. {@code checkout}; it names the generated
   *     files
   * @param spec declares the service; see {@link ServiceBuilder}. {@code null} is reported as a problem
   * @return this registry
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
   *
   * @param definitions the definitions to run
   */
  public void collect(SreDefinitions definitions) {
    origin = definitions.getClass().getName();
    definitions.define(this);
  }

  /**
   * Records a problem found outside any service, e.g. a definitions class that could not run.
   *
   * @param problem the problem, reported with the others in {@link #declarations}
   */
  public void report(Problem problem) {
    problems.add(problem);
  }

  /**
   * Everything declared so far, services sorted by name.
   *
   * @return a snapshot of the services and the problems found while declaring them
   */
  public Declarations declarations() {
    List<Service> sorted = new ArrayList<>(services);
    sorted.sort(Comparator.comparing(s -> String.valueOf(s.name())));
    return new Declarations(sorted, problems);
  }
}
