package dev.sredsl.generate.prometheus;

import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.BurnRateWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Naming;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SloRulesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The default table keeps the Workbook's burn rates for every period; what changes with the period
   * is the share of the budget a condition spends before it fires.
   */
  @ParameterizedTest(name = "{0} days")
  @CsvSource({
      "30, 2, 5, 10, 10",
      "7, 8.571428571428571, 21.42857142857143, 42.85714285714286, 42.85714285714286",
      "90, 0.6666666666666667, 1.666666666666667, 3.333333333333333, 3.333333333333333",
      "365, 0.1643835616438356, 0.4109589041095890, 0.8219178082191781, 0.8219178082191781"})
  void theDefaultBurnRatesHoldForEveryPeriod(long days, String page1h, String page6h, String ticket1d,
      String ticket3d) {
    Slo slo = Slo.availability(99.9).over(Duration.ofDays(days));
    List<BurnRateWindow> page = BurnRates.windows(slo, BurnRates.AlertTier.FAST);
    List<BurnRateWindow> ticket = BurnRates.windows(slo, BurnRates.AlertTier.SLOW);
    Duration period = slo.period();
    assertEquals(List.of(new BigDecimal("14.4"), new BigDecimal("6"), new BigDecimal("3"), new BigDecimal("1")),
        List.of(page.get(0).factor(period), page.get(1).factor(period), ticket.get(0).factor(period),
            ticket.get(1).factor(period)));
    assertEquals(List.of(new BigDecimal(page1h), new BigDecimal(page6h), new BigDecimal(ticket1d),
        new BigDecimal(ticket3d)).stream().map(BigDecimal::stripTrailingZeros).toList(),
        List.of(page.get(0).budgetSpentPercent(period), page.get(1).budgetSpentPercent(period),
            ticket.get(0).budgetSpentPercent(period), ticket.get(1).budgetSpentPercent(period)));
  }

  /** Sloth's AlertWindows give the budget share; the factor follows from the period, as Sloth computes it. */
  @Test
  void aBudgetShareBecomesAFactorOverThePeriod() {
    Duration week = Duration.ofDays(7);
    assertEquals(new BigDecimal("13.44"),
        BurnRateWindow.spending(8, Duration.ofHours(1), Duration.ofMinutes(5)).factor(week));
    assertEquals(new BigDecimal("0.98"),
        BurnRateWindow.spending(42, Duration.ofDays(3), Duration.ofHours(6)).factor(week));
    assertEquals(new BigDecimal("8"),
        BurnRateWindow.spending(8, Duration.ofHours(1), Duration.ofMinutes(5)).budgetSpentPercent(week));
  }

  @Test
  void thresholdsAreFactorTimesTheExactBudget() {
    assertEquals(new BigDecimal("0.001"), SloRules.errorBudget(Slo.availability(99.9)));
    assertEquals(new BigDecimal("0.0144"), BurnRates.PAGE.get(0).threshold(Duration.ofDays(30), new BigDecimal("0.001")));
    assertEquals(new BigDecimal("0.00005"), SloRules.errorBudget(Slo.availability(99.995)));
  }

  private static JsonNode rules(Service service) throws IOException {
    GeneratedFile file = new PrometheusRulesGenerator().generate(service, GenerationSettings.DEFAULTS).get(0);
    return YAML.readTree(file.content()).get("groups");
  }

  private static JsonNode backfill(Service service) throws IOException {
    GeneratedFile file = new PrometheusRulesGenerator().generate(service, GenerationSettings.DEFAULTS).stream()
        .filter(f -> f.path().startsWith("backfill/")).findFirst().orElseThrow();
    return YAML.readTree(file.content()).get("groups");
  }

  private static List<String> names(JsonNode groups, String group, String field) {
    List<String> names = new ArrayList<>();
    for (JsonNode g : groups) {
      if (g.get("name").asText().equals(group)) {
        g.get("rules").forEach(r -> names.add(r.get(field).asText()));
      }
    }
    return names;
  }

  @Test
  void recordsEveryWindowThePeriodAndTheSeriesDashboardsRead() throws IOException {
    Service shop = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .slo(Slo.availability(99.5).over(Duration.ofDays(28))));

    assertEquals(List.of("slo:sli_events:rate5m", "slo:sli_error_events:rate5m", "slo:sli_error:ratio_rate5m",
        "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h",
        "slo:sli_error:ratio_rate2h", "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate1d",
        "slo:sli_error:ratio_rate3d", "slo:sli_error_events:increase1h", "slo:sli_error_events:increase6h",
        "slo:sli_error_events:increase1d", "slo:sli_error_events:increase3d", "slo:sli_error:ratio_rate4w",
        "slo:objective:ratio", "slo:error_budget:ratio", "slo:error_budget_remaining:ratio",
        "slo:current_burn_rate:ratio"), names(rules(shop), "shop-slo", "record"));
    JsonNode slo = rules(shop).get(1).get("rules");
    // The base rates read the golden-signal recordings; every longer window averages them.
    assertEquals("sum(service:http_server_requests:rate5m{service=\"shop\"})", slo.get(0).get("expr").asText());
    assertEquals("sum(service:http_server_requests_errors:rate5m{service=\"shop\"})"
        + " or sum(service:http_server_requests:rate5m{service=\"shop\"}) * 0", slo.get(1).get("expr").asText());
    String bad = "slo:sli_error_events:rate5m{service=\"shop\", slo=\"availability\"}";
    String all = "slo:sli_events:rate5m{service=\"shop\", slo=\"availability\"}";
    assertEquals(bad + " / " + all, slo.get(2).get("expr").asText());
    assertEquals("clamp_min(avg_over_time(" + bad + "[1h]) + (" + bad + " - (" + bad + " offset 1h or " + bad
        + " * 0)) / 24, 0) / (avg_over_time(" + all + "[1h]) + (" + all + " - (" + all + " offset 1h or " + all + " * 0)) / 24)",
        slo.get(4).get("expr").asText());
    assertEquals("sum_over_time(" + bad + "[1h:5m]) * 300", slo.get(9).get("expr").asText());
    assertEquals("clamp_min(avg_over_time(" + bad + "[4w]) + (" + bad + " - (" + bad + " offset 4w or " + bad
        + " * 0)) / 16128, 0) / (avg_over_time(" + all + "[4w]) + (" + all + " - (" + all + " offset 4w or " + all + " * 0)) / 16128)",
        slo.get(13).get("expr").asText());
  }

  @Test
  void rawWindowsRateTheRawSeriesAndTheBaseAndPeriodStayRecorded() throws IOException {
    Service shop = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .slo(Slo.availability(99.5).over(Duration.ofDays(28)).windowsFromRawSeries()));

    JsonNode slo = rules(shop).get(1).get("rules");
    assertEquals("slo:sli_error_events:rate5m{service=\"shop\", slo=\"availability\"}"
        + " / slo:sli_events:rate5m{service=\"shop\", slo=\"availability\"}", slo.get(2).get("expr").asText());
    assertEquals("(sum(rate(http_server_requests_seconds_count{job=\"shop\", outcome=\"SERVER_ERROR\"}[1h]))"
        + " or vector(0)) / sum(rate(http_server_requests_seconds_count{job=\"shop\"}[1h]))",
        slo.get(4).get("expr").asText());
    assertEquals("sum(increase(http_server_requests_seconds_count{job=\"shop\", outcome=\"SERVER_ERROR\"}[1h]))"
        + " or vector(0)", slo.get(9).get("expr").asText());
    assertTrue(slo.get(13).get("expr").asText().startsWith("clamp_min(avg_over_time(slo:sli_error_events:rate5m"),
        slo.get(13).get("expr").asText());
  }

  @Test
  void aLatencySloCountsRequestsAboveTheThresholdBucketAsBad() throws IOException {
    Service shop = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .slo(Slo.latency(Duration.ofMillis(250)).percent(99))
        .slo(Slo.latency(Duration.ofSeconds(1)).percent(95).named("latency-1s")));

    JsonNode slo = rules(shop).get(1).get("rules");
    assertEquals("sum(service:http_server_requests:rate5m{service=\"shop\"})"
        + " - sum(service:http_server_requests_seconds_bucket:rate5m{service=\"shop\", le=\"0.25\"})",
        slo.get(1).get("expr").asText());
    assertEquals("sum(service:http_server_requests:rate5m{service=\"shop\"})"
        + " - sum(service:http_server_requests_seconds_bucket:rate5m{service=\"shop\", le=~\"1(\\\\.0)?\"})",
        slo.get(19).get("expr").asText());
    JsonNode backfill = backfill(shop).get(0).get("rules");
    assertEquals("sum(rate(http_server_requests_seconds_count{job=\"shop\"}[5m]))"
        + " - sum(rate(http_server_requests_seconds_bucket{job=\"shop\", le=\"0.25\"}[5m]))",
        backfill.get(backfill.size() - 3).get("expr").asText());
  }

  @Test
  void eitherAlertTierCanBeSwitchedOff() throws IOException {
    Service shop = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .slo(Slo.availability(99.9).withoutPaging())
        .slo(Slo.latency(Duration.ofMillis(300)).percent(99).withoutTickets()));

    assertEquals(List.of("ShopAvailabilityErrorBudgetSlowBurn", "ShopLatencyErrorBudgetFastBurn"),
        names(rules(shop), "shop-slo-alerts", "alert"));
  }

  @Test
  void theFastBurnAlertPagesOnEitherWindowPair() throws IOException {
    Service shop = Fixtures.service("shop", s -> s.tier(Tier.CRITICAL).owner(o -> o.team("web"))
        .signals(Micrometer.httpServer()).slo(Slo.availability(99.9)));

    JsonNode alert = rules(shop).get(2).get("rules").get(0);
    assertEquals("ShopAvailabilityErrorBudgetFastBurn", alert.get("alert").asText());
    assertEquals("slo:sli_error:ratio_rate1h{service=\"shop\", slo=\"availability\"} > 0.0144"
        + " and slo:sli_error:ratio_rate5m{service=\"shop\", slo=\"availability\"} > 0.0144"
        + " and slo:sli_error_events:increase1h{service=\"shop\", slo=\"availability\"} >= 5"
        + " or slo:sli_error:ratio_rate6h{service=\"shop\", slo=\"availability\"} > 0.006"
        + " and slo:sli_error:ratio_rate30m{service=\"shop\", slo=\"availability\"} > 0.006"
        + " and slo:sli_error_events:increase6h{service=\"shop\", slo=\"availability\"} >= 5",
        alert.get("expr").asText());
    assertEquals(Map.of("service", "shop", "severity", "critical", "slo", "availability", "team", "web"),
        YAML.convertValue(alert.get("labels"), Map.class));
  }

  @Test
  void thePrometheusRuleHoldsTheSameGroupsWithSelectableLabels() throws IOException {
    GenerationSettings settings = new GenerationSettings(null, null, Map.of("release", "prometheus"));
    List<GeneratedFile> files = new PrometheusRulesGenerator().generate(Fixtures.checkout(), settings);

    JsonNode rulesFile = YAML.readTree(files.get(0).content());
    JsonNode rule = YAML.readTree(files.get(1).content());
    assertEquals("kubernetes/checkout.prometheusrule.yaml", files.get(1).path());
    assertEquals("monitoring.coreos.com/v1", rule.get("apiVersion").asText());
    assertEquals("PrometheusRule", rule.get("kind").asText());
    assertEquals("checkout-sre", rule.at("/metadata/name").asText());
    assertEquals(Map.of("app.kubernetes.io/managed-by", "sre-dsl", "app.kubernetes.io/name", "checkout",
        "release", "prometheus"), YAML.convertValue(rule.at("/metadata/labels"), Map.class));
    assertEquals(rulesFile.get("groups"), rule.at("/spec/groups"));
  }

  @Test
  void dashboardUidsFitGrafanasLimitAndStayDistinct() {
    String long1 = "a".repeat(50) + "-one";
    String long2 = "a".repeat(50) + "-two";
    String uid1 = Naming.dashboardUid(Fixtures.service(long1, s -> s.tier(Tier.LOW)));
    String uid2 = Naming.dashboardUid(Fixtures.service(long2, s -> s.tier(Tier.LOW)));

    assertEquals("checkout", Naming.dashboardUid(Fixtures.checkout()));
    assertTrue(uid1.length() <= 40 && uid2.length() <= 40, uid1 + " " + uid2);
    assertTrue(!uid1.equals(uid2));
    assertEquals(uid1, Naming.dashboardUid(Fixtures.service(long1, s -> s.tier(Tier.LOW))));
  }
}
