package dev.sredsl.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.model.Service;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's shape, checked on its compiled classes: packages depend one way (no cycle), each only
 * on what its {@code package-info.java} allows, every package says what it is for, and no two public
 * types share a simple name.
 */
class ArchitectureTest {

  /**
   * What each package may use, as its {@code package-info.java} says. {@code pipeline} is the top: it
   * may use every package. A package not listed here fails the test until it is given its place.
   */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("problem", Set.of()),
      Map.entry("promql", Set.of()),
      Map.entry("output", Set.of()),
      Map.entry("model", Set.of("promql")),
      Map.entry("conventions", Set.of("model", "promql")),
      Map.entry("presets", Set.of("model", "promql")),
      Map.entry("dsl", Set.of("model", "promql", "presets", "problem")),
      Map.entry("discovery", Set.of("dsl", "model", "problem")),
      Map.entry("check", Set.of("model", "promql", "conventions", "problem")),
      Map.entry("generate", Set.of("model", "promql", "conventions", "output")),
      Map.entry("generate.prometheus", Set.of("generate", "model", "promql", "conventions", "output")),
      Map.entry("generate.grafana", Set.of("generate", "model", "promql", "conventions", "output")),
      Map.entry("generate.alertmanager", Set.of("generate", "model", "conventions", "output")),
      Map.entry("generate.catalog", Set.of("generate", "model", "conventions", "output")),
      Map.entry("generate.openslo", Set.of("generate", "model", "promql", "conventions", "output")),
      Map.entry("generate.runbook",
          Set.of("generate", "generate.prometheus", "model", "promql", "conventions", "output", "problem")),
      Map.entry("coverage", Set.of("model", "output", "generate", "problem", "conventions")),
      Map.entry("verify", Set.of("promql", "output", "generate", "problem")),
      Map.entry("snapshot", Set.of("model", "promql", "conventions", "coverage", "generate", "output")),
      Map.entry("diff.routing", Set.of("promql", "problem")),
      Map.entry("specs", Set.of("model", "promql", "problem", "conventions")),
      Map.entry("migrate", Set.of("dsl", "model", "promql")),
      Map.entry("diff", Set.of("snapshot", "diff.routing", "model", "promql", "generate", "output", "problem")),
      Map.entry("pipeline", Set.of("*")));

  private static final PackageGraph GRAPH = PackageGraph.of(classesRoot());

  @Test
  void noTwoPackagesDependOnEachOther() {
    List<String> found = new ArrayList<>();
    for (Set<String> cycle : GRAPH.cycles()) {
      StringBuilder edges = new StringBuilder();
      for (String from : cycle) {
        for (String to : GRAPH.uses(from)) {
          if (cycle.contains(to)) {
            edges.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(GRAPH.because(from, to))
                .append(')');
          }
        }
      }
      found.add("cycle between " + cycle + ":" + edges);
    }
    assertEquals(List.of(), found, "packages that depend on each other");
  }

  @Test
  void eachPackageUsesOnlyWhatItsPackageInfoAllows() {
    List<String> found = new ArrayList<>();
    for (String pkg : GRAPH.packages()) {
      String name = pkg.substring("dev.sredsl.".length());
      Set<String> allowed = ALLOWED.get(name);
      if (allowed == null) {
        found.add(name + " has no place in the architecture; add it to ArchitectureTest.ALLOWED and say in its"
            + " package-info.java what it may use");
        continue;
      }
      for (String used : GRAPH.uses(pkg)) {
        String usedName = used.substring("dev.sredsl.".length());
        if (!allowed.contains("*") && !allowed.contains(usedName)) {
          found.add(name + " -> " + usedName + " (" + GRAPH.because(pkg, used) + ")");
        }
      }
    }
    assertEquals(List.of(), found, "dependencies the architecture does not allow");
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    Path sources = Path.of("src/main/java");
    Set<Path> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent)
          .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
          .forEach(dir -> missing.add(sources.relativize(dir)));
    }
    assertEquals(Set.of(), missing, "packages without a package-info.java");
  }

  @Test
  void publicTypeNamesAreUnique() throws IOException, ClassNotFoundException {
    Path root = classesRoot();
    Map<String, List<String>> byName = new TreeMap<>();
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(root)) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
    for (Path file : classFiles) {
      String binaryName = root.relativize(file).toString().replace('\\', '/').replace(".class", "").replace('/', '.');
      if (binaryName.endsWith("package-info")) {
        continue;
      }
      Class<?> type = Class.forName(binaryName, false, ArchitectureTest.class.getClassLoader());
      if (isPublicApi(type)) {
        byName.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(type.getName());
      }
    }
    byName.values().removeIf(types -> types.size() < 2);
    assertEquals(Map.of(), byName, "public types that share a name");
  }

  @Test
  void theCycleCheckFindsACycle() {
    PackageGraph graph = new PackageGraph();
    graph.add("dev.sredsl.a", "dev.sredsl.b", "dev/sredsl/a/A");
    graph.add("dev.sredsl.b", "dev.sredsl.c", "dev/sredsl/b/B");
    graph.add("dev.sredsl.c", "dev.sredsl.a", "dev/sredsl/c/C");
    graph.add("dev.sredsl.c", "dev.sredsl.d", "dev/sredsl/c/C");
    assertEquals(List.of(Set.of("dev.sredsl.a", "dev.sredsl.b", "dev.sredsl.c")), graph.cycles());
  }

  @Test
  void theGraphSeesTypesNamedOnlyInSignaturesAndFullyQualifiedCode() {
    // DashboardLint names promql types; the model's records name promql only in signatures.
    assertTrue(GRAPH.uses("dev.sredsl.generate.grafana").contains("dev.sredsl.promql"));
    assertTrue(GRAPH.uses("dev.sredsl.model").contains("dev.sredsl.promql"));
    assertTrue(GRAPH.uses("dev.sredsl.pipeline").contains("dev.sredsl.check"));
  }

  private static boolean isPublicApi(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Path classesRoot() {
    try {
      return Path.of(Service.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
