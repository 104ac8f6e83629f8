package dev.sredsl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which selectors of the generated SLO ratios may rightly match no series on a live Prometheus. */
class SelectorCheckTest {

  private static final Service SHOP = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL)
      .signals(Micrometer.httpServer())
      .slo(Slo.availability(99.9))
      .slo(Slo.latency(Duration.ofMillis(300)).percent(99)));

  /**
   * Each raw selector of the SLO's 5m error ratio, read through the recordings as sre:verify reads it,
   * and whether it may match nothing.
   */
  private static Map<String, Boolean> selectorsOf(String slo) {
    String text = new PrometheusRulesGenerator().generate(SHOP, GenerationSettings.DEFAULTS).get(0).contentAsString();
    List<LoadedRule> rules = RuleFiles.parse("shop.rules.yml", text);
    RecordingInliner inliner = new RecordingInliner(rules, Duration.ofMinutes(1));
    for (LoadedRule rule : rules) {
      if ("slo:sli_error:ratio_rate5m".equals(rule.record()) && slo.equals(rule.labels().get("slo"))) {
        Map<String, Boolean> selectors = new TreeMap<>();
        SelectorCheck.selectors(inliner.inline(rule.expr()))
            .forEach((selector, mayBeEmpty) -> selectors.put(selector.toString(), mayBeEmpty));
        assertEquals(List.of(), inliner.notInlined());
        return selectors;
      }
    }
    throw new AssertionError("no 5m error ratio of slo " + slo + " in\n" + text);
  }

  @Test
  void failedRequestsMayBeMissingButALatencySlosBucketMustExist() {
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
