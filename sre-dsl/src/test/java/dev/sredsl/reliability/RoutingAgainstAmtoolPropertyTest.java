package dev.sredsl.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.diff.routing.AlertmanagerRoutes;
import dev.sredsl.diff.routing.RouteNode;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.alertmanager.AlertmanagerGenerator;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.testing.AmtoolRouting;
import dev.sredsl.testing.OutputValidators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For random ownership models, {@link AlertmanagerRoutes} sends every generated alert to the receivers
 * {@code amtool config routes test} prints for the generated {@code alertmanager/routes.yml}. The alerts
 * are those of the generated rule files (each alerting rule's static labels and its {@code alertname};
 * templated values kept as written), plus alerts no team's route takes: without a team, of a team no
 * service has, and of a known team with a severity the routes do not know.
 *
 * <p>{@value #DEFAULT_SAMPLE} definitions spread evenly over the first
 * {@value RandomDefinitionsPropertyTest#DEFAULT_COUNT} of seed
 * {@value RandomDefinitionsPropertyTest#DEFAULT_SEED}, the sequence {@code RandomDefinitionsPropertyTest}
 * checks ({@code -Dsredsl.seed}, {@code -Dsredsl.definitions} and {@code -Dsredsl.routingSample} explore
 * further). amtool starts once per alert that differs from the others in a label some route reads, the
 * only labels Alertmanager's routing looks at; the computed receivers of every alert are compared.
 */
class RoutingAgainstAmtoolPropertyTest {

  static final int DEFAULT_SAMPLE = 30;
  private static final long SEED = Long.getLong("sredsl.seed", RandomDefinitionsPropertyTest.DEFAULT_SEED);
  private static final int COUNT =
      Integer.getInteger("sredsl.definitions", RandomDefinitionsPropertyTest.DEFAULT_COUNT);
  private static final int SAMPLE = Integer.getInteger("sredsl.routingSample", DEFAULT_SAMPLE);
  private static final GenerationSettings SETTINGS = new GenerationSettings("https://git.example.com/runbooks",
      "https://grafana.example.com", Map.of("release", "prometheus"));

  @TempDir
  Path work;

  @Test
  void everyAlertReachesTheReceiversAmtoolPrints() throws Exception {
    RandomDefinitions random = new RandomDefinitions(SEED);
    SrePipeline pipeline = new SrePipeline();
    int step = Math.max(1, COUNT / SAMPLE);
    // amtool runs once per alert that differs in a label some route reads (Alertmanager's matchers read
    // nothing else); every alert is compared with the answer for its representative.
    Map<String, Integer> caseByRoutingLabels = new LinkedHashMap<>();
    List<AmtoolRouting.Case> cases = new ArrayList<>();
    List<Integer> caseOfAlert = new ArrayList<>();
    List<String> computed = new ArrayList<>();
    List<String> where = new ArrayList<>();
    int definitions = 0;
    for (int i = 0; i < COUNT && definitions < SAMPLE; i++) {
      Declarations declarations = random.next();
      if (i % step != 0) {
        continue;
      }
      definitions++;
      GeneratedFiles files = pipeline.generate(declarations, SETTINGS);
      Path config = work.resolve("def-" + i + ".routes.yml");
      Files.writeString(config, files.get(AlertmanagerGenerator.FILE).orElseThrow().contentAsString());
      AlertmanagerRoutes routes = AlertmanagerRoutes.read(config);
      Set<String> read = labelsRead(routes.root());
      for (Map<String, String> labels : alerts(files)) {
        Map<String, String> routing = new TreeMap<>(labels);
        routing.keySet().retainAll(read);
        // amtool gets the labels routes read: the others cannot change its answer, and a random label
        // value may hold a NUL, which no command line can carry.
        int index = caseByRoutingLabels.computeIfAbsent(config + " " + routing, k -> {
          cases.add(new AmtoolRouting.Case(config, routing));
          return cases.size() - 1;
        });
        caseOfAlert.add(index);
        computed.add(String.join(",", routes.receivers(labels)));
        where.add("definitions #" + i + " of seed " + SEED + ", alert " + labels);
      }
    }
    List<String> amtool = AmtoolRouting.receivers(cases);
    List<String> mismatches = new ArrayList<>();
    for (int a = 0; a < computed.size(); a++) {
      String expected = amtool.get(caseOfAlert.get(a));
      if (!computed.get(a).equals(expected)) {
        mismatches.add(where.get(a) + ": amtool " + expected + ", computed " + computed.get(a));
      }
    }
    assertEquals(List.of(), mismatches);
    Set<String> receivers = new TreeSet<>(amtool);
    assertTrue(receivers.size() > SAMPLE, "the sample reaches many receivers, not only the default: " + receivers);
    System.out.printf(Locale.ROOT, "seed %d: %d definitions, %d alerts routed as amtool routes them (%d amtool runs)%n",
        SEED, definitions, computed.size(), cases.size());
  }

  /** The names of the labels some route's matchers read. */
  private static Set<String> labelsRead(RouteNode route) {
    Set<String> names = new TreeSet<>();
    route.matchers().forEach(m -> names.add(m.name()));
    route.children().forEach(child -> names.addAll(labelsRead(child)));
    return names;
  }

  /** The distinct label sets of the generated alerts and of alerts that no team's route takes. */
  private static Set<Map<String, String>> alerts(GeneratedFiles files) throws Exception {
    Set<Map<String, String>> alerts = new LinkedHashSet<>();
    Set<String> teams = new TreeSet<>();
    for (GeneratedFile file : files.all()) {
      if (!file.path().startsWith("prometheus/") || !file.path().endsWith(".rules.yml")) {
        continue;
      }
      JsonNode rules = OutputValidators.YAML.readTree(file.contentAsString());
      for (JsonNode group : rules.path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (!rule.has("alert")) {
            continue;
          }
          Map<String, String> labels = new TreeMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = rule.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.put(label.getKey(), label.getValue().asText());
          }
          labels.put("alertname", rule.get("alert").asText());
          alerts.add(labels);
          if (labels.containsKey("team")) {
            teams.add(labels.get("team"));
          }
        }
      }
    }
    alerts.add(Map.of());
    alerts.add(Map.of("alertname", "NoTeam", "severity", "critical"));
    alerts.add(Map.of("alertname", "UnknownTeam", "team", "no-such-team", "severity", "critical"));
    for (String team : teams) {
      alerts.add(Map.of("alertname", "UnknownSeverity", "team", team, "severity", "debug"));
      alerts.add(Map.of("alertname", "NoSeverity", "team", team));
    }
    return alerts;
  }
}
