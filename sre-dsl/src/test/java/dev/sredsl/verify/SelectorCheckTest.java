package dev.sredsl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.promql.PromQL;
import dev.sredsl.testing.Fixtures;
import dev.sredsl.testing.OutputValidators;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which selectors of the generated SLO ratios may rightly match no series on a live Prometheus. */
class SelectorCheckTest {

  private static final Service SHOP = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL)
      .signals(Micrometer.httpServer())
      .slo(Slo.availability(99.9))
      .slo(Slo.latency(Duration.ofMillis(300)).percent(99)));

  /** Each selector of the SLO's 5m error ratio, and whether it may match nothing. */
  private static Map<String, Boolean> selectorsOf(String slo) throws IOException {
    String rules = new PrometheusRulesGenerator().generate(SHOP, GenerationSettings.DEFAULTS).get(0).contentAsString();
    for (JsonNode group : OutputValidators.YAML.readTree(rules).get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        if (rule.path("record").asText().equals("slo:sli_error:ratio_rate5m")
            && rule.at("/labels/slo").asText().equals(slo)) {
          Map<String, Boolean> selectors = new TreeMap<>();
          SelectorCheck.selectors(PromQL.parse(rule.get("expr").asText()))
              .forEach((selector, mayBeEmpty) -> selectors.put(selector.toString(), mayBeEmpty));
          return selectors;
        }
      }
    }
    throw new AssertionError("no 5m error ratio of slo " + slo + " in\n" + rules);
  }

  @Test
  void failedRequestsMayBeMissingButALatencySlosBucketMustExist() throws IOException {
    assertEquals(Map.of(
            "http_server_requests_seconds_count{job=\"shop\", outcome=\"SERVER_ERROR\"}", true,
            "http_server_requests_seconds_count{job=\"shop\"}", false),
        selectorsOf("availability"));
    assertEquals(Map.of(
            "http_server_requests_seconds_bucket{job=\"shop\", le=\"0.3\"}", false,
            "http_server_requests_seconds_count{job=\"shop\"}", false),
        selectorsOf("latency"));
  }
}
