package dev.sredsl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong with specs beside Java definitions is one line at the spec's place, and
 * {@code sre:generate} then writes nothing.
 */
class SpecProblemsTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings(null, null, Map.of());

  @TempDir
  Path work;

  private static final String ORDERS = """
      version: "prometheus/v1"
      service: "orders"
      slos:
        - name: "placed"
          objective: 99.9
          sli:
            events:
              error_query: sum(rate(orders_failed_total[{{.window}}]))
              total_query: sum(rate(orders_total[{{.window}}]))
      """;

  private List<String> problems(Declarations java, Map<String, String> specs) throws IOException {
    Path project = Files.createDirectories(work.resolve("project"));
    Path folder = Files.createDirectories(project.resolve("src/main/sre"));
    for (Map.Entry<String, String> spec : specs.entrySet()) {
      Files.writeString(folder.resolve(spec.getKey()), spec.getValue());
    }
    DefinitionsWithSpecs source = new DefinitionsWithSpecs(DefinitionsSource.of(java), folder, project);
    Path output = work.resolve("output");
    DefinitionException refused = assertThrows(DefinitionException.class,
        () -> new GenerateGoal().run(source, SETTINGS, output, false));
    assertFalse(Files.exists(output), "nothing is written");
    return refused.problems().stream().map(Problem::toString).toList();
  }

  private static Declarations none() {
    return new Declarations(List.of(), List.of());
  }

  @Test
  void aDuplicateKeyIsOneLineAtTheKey() throws IOException {
    assertEquals(List.of("src/main/sre/orders.yml:3:1: 'service' is given twice in this mapping (first on line 2); keep one"),
        problems(none(), Map.of("orders.yml", ORDERS.replace("service: \"orders\"\n",
            "service: \"orders\"\nservice: \"shop\"\n"))));
  }

  @Test
  void anSloJavaDeclaresToo() throws IOException {
    Declarations java = new SreRegistry().service("orders", s -> s.tier(Tier.LOW)
        .slo(Slo.events("placed").bad(EventCount.counter("orders_failed_total")).total(EventCount.counter("orders_total"))
            .percent(99))).declarations();
    assertEquals(List.of("src/main/sre/orders.yml:4:5: service 'orders', slo 'placed' is also declared in Java;"
        + " keep one, or rename it in one of the two"), problems(java, Map.of("orders.yml", ORDERS)));
  }

  @Test
  void anSloTwoSpecsDeclare() throws IOException {
    assertEquals(List.of("src/main/sre/b.yml:4:5: service 'orders', slo 'placed' is also declared at"
        + " src/main/sre/a.yml:4:5; keep one"), problems(none(), Map.of("a.yml", ORDERS, "b.yml", ORDERS)));
  }

  @Test
  void anSloTheBuildRefusesIsOneLineAtTheSlo() throws IOException {
    String raw = """
        version: "prometheus/v1"
        service: "orders"
        slos:
          - name: "placed"
            objective: 99.9
            sli:
              raw:
                error_ratio_query: sum(rate(orders_failed_total[{{.window}}])) /
        """;
    List<String> problems = problems(none(), Map.of("orders.yml", raw));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("src/main/sre/orders.yml:4:5: service 'orders', slo 'placed': error ratio"
        + " query for window 5m is not valid PromQL: "), problems.get(0));
  }

  @Test
  void aFileThatIsNeitherSpecIsOneLine() throws IOException {
    assertEquals(List.of("src/main/sre/notes.yml:1:1: neither a Sloth spec (version: \"prometheus/v1\") nor OpenSLO"
        + " (apiVersion: openslo/v1); only those two are read from the specs folder"),
        problems(none(), Map.of("notes.yml", "owner: orders\n")));
  }
}
