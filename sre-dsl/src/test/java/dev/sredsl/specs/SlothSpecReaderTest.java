package dev.sredsl.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.model.EventCount;
import dev.sredsl.promql.PromQL;
import dev.sredsl.testing.SharedTestData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sloth's own example specs read as Sloth wrote them, and every construct sre-dsl does not read refused
 * with one line at its place.
 */
class SlothSpecReaderTest {

  private static final String FILE = "src/main/sre/myservice.yml";

  private static Path sloth() {
    return SharedTestData.folder("peer-specs", "sredsl.peerSpecsDir", "Sloth's example specs").resolve("sloth");
  }

  private static List<SlothSpec> read(Path file) {
    return SlothSpecReader.read(SpecYaml.read(file, file.getFileName().toString()));
  }

  private static String problem(String yaml) {
    SpecException e = assertThrows(SpecException.class,
        () -> SlothSpecReader.read(SpecYaml.read(yaml.getBytes(StandardCharsets.UTF_8), FILE)));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void gettingStartedReadsAsSlothWroteIt() {
    List<SlothSpec> specs = read(sloth().resolve("getting-started.yml"));
    assertEquals(1, specs.size());
    SlothSpec spec = specs.get(0);
    assertEquals("myservice", spec.service());
    assertEquals(List.of("owner", "repo", "tier"), List.copyOf(spec.labels().keySet()));
    SlothSpec.SpecSlo slo = spec.slos().get(0);
    assertEquals("requests-availability", slo.name());
    assertEquals(new BigDecimal("99.9"), slo.objective());
    SlothSpec.Sli.Events events = assertInstanceOf(SlothSpec.Sli.Events.class, slo.sli());
    assertEquals("sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[${window}]))",
        events.errorQuery());
    assertEquals("MyServiceHighErrorRate", slo.alerting().name());
    assertEquals(Map.of("severity", "pageteam", "routing_key", "myteam"), slo.alerting().page().labels());
    assertEquals(Map.of("severity", "slack", "slack_channel", "#alerts-myteam"), slo.alerting().ticket().labels());
    assertEquals(List.of(9, 5), List.of(slo.at().line(), slo.at().column()));
  }

  @Test
  void everyExampleReadsAndItsQueriesAreValidPromqlForAWindow() {
    Map<String, Integer> slos = Map.of("getting-started.yml", 1, "home-wifi.yml", 2, "multifile.yml", 2,
        "no-alerts.yml", 1, "raw-home-wifi.yml", 1);
    slos.forEach((name, count) -> {
      List<SlothSpec> specs = read(sloth().resolve(name));
      assertEquals(count, specs.stream().mapToInt(s -> s.slos().size()).sum(), name);
      for (SlothSpec spec : specs) {
        for (SlothSpec.SpecSlo slo : spec.slos()) {
          List<String> queries = slo.sli() instanceof SlothSpec.Sli.Events e ? List.of(e.errorQuery(), e.totalQuery())
              : List.of(((SlothSpec.Sli.RawRatio) slo.sli()).errorRatioQuery());
          for (String query : queries) {
            PromQL.parse(new EventCount.Query(query).expand("5m"));
          }
        }
      }
    });
    SlothSpec.SpecSlo noAlerts = read(sloth().resolve("no-alerts.yml")).get(0).slos().get(0);
    assertTrue(noAlerts.alerting().page().disabled() && noAlerts.alerting().ticket().disabled());
  }

  @Test
  void whatIsNotReadIsOneLineAtItsPlace() {
    assertEquals(FILE + ":1:10: version 'sloth/v1' is not Sloth's prometheus/v1; sre-dsl reads Sloth's"
        + " prometheus/v1 specs, not its Kubernetes resources or OpenSLO v1alpha", problem("""
        version: sloth/v1
        service: orders
        slos: []
        """));
    assertEquals(FILE + ":1:1: a Sloth spec must be a mapping of fields, is a list", problem("""
        - version: prometheus/v1
        """));
    assertEquals(FILE + ":3:1: 'slo' is no field of a Sloth prometheus/v1 spec; did you mean 'slos'?", problem("""
        version: prometheus/v1
        service: orders
        slo: []
        """));
    assertEquals(FILE + ":3:1: Sloth's SLO plugins are not supported: sre-dsl cannot run Sloth's Go plugins; remove"
        + " slo_plugins, and say in Java what they added", problem("""
        version: prometheus/v1
        service: orders
        slo_plugins:
          chain: []
        slos: []
        """));
    assertEquals(FILE + ":7:7: Sloth's SLI plugins are not supported: sre-dsl cannot run Sloth's Go plugins; write"
        + " the plugin's queries as events (error_query, total_query) or raw (error_ratio_query)", problem("""
        version: prometheus/v1
        service: orders
        slos:
          - name: availability
            objective: 99.9
            sli:
              plugin:
                id: sloth-common/kubernetes/apiserver/availability
        """));
    assertEquals(FILE + ":5:16: 'objective' must be a number of percent, e.g. 99.9", problem("""
        version: prometheus/v1
        service: orders
        slos:
          - name: availability
            objective: high
            sli:
              raw:
                error_ratio_query: x[{{.window}}]
        """));
    assertEquals(FILE + ":8:22: error_query has no {{.window}}; put it where the window goes, e.g."
        + " rate(x[{{.window}}]), or every window of the SLO would read the same range", problem("""
        version: prometheus/v1
        service: orders
        slos:
          - name: availability
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(errors_total[5m]))
                total_query: sum(rate(requests_total[{{.window}}]))
        """));
    assertEquals(FILE + ":8:28: error_ratio_query uses the template {{.service}}; only {{.window}} is read",
        problem("""
        version: prometheus/v1
        service: orders
        slos:
          - name: availability
            objective: 99.9
            sli:
              raw:
                error_ratio_query: avg_over_time(x{service="{{.service}}"}[{{ .window }}])
        """));
    assertEquals(FILE + ":7:7: an SLI is either events or raw, not both", problem("""
        version: prometheus/v1
        service: orders
        slos:
          - name: availability
            objective: 99.9
            sli:
              raw: {error_ratio_query: "x[{{.window}}]"}
              events: {error_query: "x[{{.window}}]", total_query: "y[{{.window}}]"}
        """));
    assertEquals(FILE + ":9:18: 'disable' must be true or false", problem("""
        version: prometheus/v1
        service: orders
        slos:
          - name: availability
            objective: 99.9
            sli: {raw: {error_ratio_query: "x[{{.window}}]"}}
            alerting:
              page_alert:
                disable: sometimes
        """));
  }
}
