package dev.sredsl.generate.prometheus;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.Fixtures;
import dev.sredsl.testing.OutputValidators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A latency SLO reads the bucket whose {@code le} is its threshold. When the application does not
 * publish that bound (OpenTelemetry's advised buckets jump from 0.25 to 0.5 seconds), the missing
 * bucket must read as no data, not as "no request was fast": a healthy service would otherwise burn
 * its whole budget and page forever. A bucket that exists and counts no request still means every
 * request was slow. promtool runs the generated rules on both inputs.
 */
class LatencySloMissingBucketTest {

  private static final Service ORDERS = Fixtures.service("orders", s -> s.tier(Tier.CRITICAL)
      .owner(o -> o.team("shop").onCall("shop-primary").escalation("shop-secondary"))
      .signals(OpenTelemetry.httpServer())
      .slo(Slo.availability(99.9))
      .slo(Slo.latency(Duration.ofMillis(300)).percent(99)));

  private static final String TESTS = """
      rule_files:
        - orders.rules.yml
      evaluation_interval: 1m

      tests:
        # 100 requests a second, all within 250 ms, no failure; the histogram has OpenTelemetry's
        # advised bounds, so there is no le="0.3" bucket.
        - name: a healthy service whose buckets lack the threshold's bound has no latency ratio and no burn alert
          interval: 1m
          input_series:
            - series: 'http_server_request_duration_seconds_bucket{job="orders", le="0.25"}'
              values: '0+6000x150'
            - series: 'http_server_request_duration_seconds_bucket{job="orders", le="0.5"}'
              values: '0+6000x150'
            - series: 'http_server_request_duration_seconds_bucket{job="orders", le="+Inf"}'
              values: '0+6000x150'
            - series: 'http_server_request_duration_seconds_count{job="orders", http_response_status_code="200"}'
              values: '0+6000x150'
          promql_expr_test:
            - expr: '{__name__=~"slo:sli_error:ratio_rate.+", slo="latency"}'
              eval_time: 2h
              exp_samples: []
            # The availability SLO still counts its missing 5xx series as no failure.
            - expr: 'slo:sli_error:ratio_rate5m{slo="availability"}'
              eval_time: 2h
              exp_samples:
                - labels: 'slo:sli_error:ratio_rate5m{service="orders", slo="availability", team="shop"}'
                  value: 0
            - expr: 'ALERTS{service="orders", alertname=~".*ErrorBudget.*"}'
              eval_time: 2h
              exp_samples: []
            # What explains the silence: the missing-data alert names the bucket it does not find.
            - expr: 'ALERTS{service="orders", alertname="OrdersMetricsMissing", alertstate="firing"}'
              eval_time: 2h
              exp_samples:
                - labels: 'ALERTS{alertname="OrdersMetricsMissing", alertstate="firing", job="orders", le="0.3", metric="http_server_request_duration_seconds_bucket", service="orders", severity="critical", team="shop"}'
                  value: 1

        # 100 requests a second, all slower than 300 ms: the le="0.3" bucket exists and counts none.
        - name: a service whose threshold bucket exists but counts no request burns its whole budget
          interval: 1m
          input_series:
            - series: 'http_server_request_duration_seconds_bucket{job="orders", le="0.3"}'
              values: '0+0x150'
            - series: 'http_server_request_duration_seconds_bucket{job="orders", le="+Inf"}'
              values: '0+6000x150'
            - series: 'http_server_request_duration_seconds_count{job="orders", http_response_status_code="200"}'
              values: '0+6000x150'
          promql_expr_test:
            - expr: 'slo:sli_error:ratio_rate5m{slo="latency"}'
              eval_time: 2h
              exp_samples:
                - labels: 'slo:sli_error:ratio_rate5m{service="orders", slo="latency", team="shop"}'
                  value: 1
            - expr: 'ALERTS{alertname="%s", alertstate="firing"}'
              eval_time: 2h
              exp_samples:
                - labels: 'ALERTS{alertname="%1$s", alertstate="firing", service="orders", severity="critical", slo="latency", team="shop"}'
                  value: 1
      """;

  @Test
  void promtoolFindsNoRatioWithoutTheBucketAndAFullBurnWithAnEmptyOne(@TempDir Path work) throws IOException {
    ExternalTool.promtool().require();
    for (GeneratedFile file : new PrometheusRulesGenerator().generate(ORDERS, GenerationSettings.DEFAULTS)) {
      if (file.path().startsWith("prometheus/") && file.path().endsWith(".rules.yml")) {
        Files.write(work.resolve("orders.rules.yml"), file.content());
      }
    }
    Slo latency = ORDERS.slos().get(1);
    Path tests = Files.writeString(work.resolve("latency-buckets.test.yml"),
        TESTS.formatted(AlertNames.fastBurnAlert(ORDERS, latency)));

    OutputValidators.promtoolTestRules(List.of(tests));
  }
}
