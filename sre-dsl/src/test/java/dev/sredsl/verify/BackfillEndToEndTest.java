package dev.sredsl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's backfill, done for real: a Prometheus holds four days of a service's raw series and
 * none of the recordings the SLO windows of the recorded form average; {@code promtool tsdb
 * create-blocks-from rules} with the generated {@code backfill/<service>.rules.yml} writes their
 * history, and after a restart on those blocks every window of the recorded form reads the same
 * error ratio as the raw form's {@code rate} over the raw series, and the low-traffic guard the same
 * count of bad events.
 */
class BackfillEndToEndTest {

  static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  static final Instant START = END.minus(Duration.ofDays(4));
  /** Failures are 0.1% of requests for three days, then 0.5%: every window mixes the two. */
  static final Instant WORSE = END.minus(Duration.ofHours(30));

  @TempDir
  static Path work;

  static LocalPrometheus prometheus;
  static Map<String, String> recorded;
  static Map<String, String> raw;
  static List<PrometheusApi.Sample> beforeBackfill;

  @BeforeAll
  static void backfillAFreshPrometheus() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    History history = History.between(START, END, Duration.ofMinutes(1));
    history.counter("http_server_requests_seconds_count", Map.of("job", "shop", "outcome", "SUCCESS"),
        t -> t.isBefore(WORSE) ? 9.99 : 9.95);
    history.counter("http_server_requests_seconds_count", Map.of("job", "shop", "outcome", "SERVER_ERROR"),
        t -> t.isBefore(WORSE) ? 0.01 : 0.05);
    Path data = history.writeBlocks(work.resolve("history"));

    Path generated = work.resolve("sre");
    write(generate(GenerationSettings.DEFAULTS), generated);
    recorded = windowExpressions(generated.resolve("prometheus/shop.rules.yml"));
    raw = windowExpressions(write(generate(GenerationSettings.DEFAULTS.withSloWindowForm(SloWindowForm.RAW)),
        work.resolve("sre-raw")).resolve("prometheus/shop.rules.yml"));

    Path blocks = work.resolve("backfilled");
    try (LocalPrometheus fresh = LocalPrometheus.on(data).start()) {
      beforeBackfill = api(fresh).query(recorded.get("slo:sli_error:ratio_rate3d"), END);
      ExternalTool.Run run = promtool.run("tsdb", "create-blocks-from", "rules",
          "--start=" + START.getEpochSecond(), "--end=" + END.getEpochSecond(),
          "--url=" + fresh.baseUrl(), "--eval-interval=1m", "--output-dir=" + blocks,
          generated.resolve("backfill/shop.rules.yml").toString());
      assertEquals(0, run.exitCode(), run.output());
    }
    try (Stream<Path> made = Files.list(blocks)) {
      for (Path block : made.toList()) {
        Files.move(block, data.resolve(block.getFileName()));
      }
    }
    prometheus = LocalPrometheus.on(data).start();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void withoutTheBackfillTheRecordedWindowsHaveNothingToAverage() {
    assertEquals(List.of(), beforeBackfill);
  }

  @Test
  void afterTheBackfillEveryRecordedWindowReadsWhatTheRawSeriesSay() {
    for (String window : List.of("30m", "1h", "2h", "6h", "1d", "3d", "1w")) {
      String name = "slo:sli_error:ratio_rate" + window;
      double fromRecordings = value(recorded.get(name));
      // The 7-day period reads the recordings in both forms; over the raw series it is the rate of four days.
      double fromRawSeries = window.equals("1w") ? value(raw.get("slo:sli_error:ratio_rate3d").replace("[3d]", "[1w]"))
          : value(raw.get(name));
      assertEquals(fromRawSeries, fromRecordings, fromRawSeries * 1e-3, name);
    }
    assertEquals(0.005, value(recorded.get("slo:sli_error:ratio_rate1d")), 1e-6);
  }

  @Test
  void afterTheBackfillTheGuardCountsTheBadEventsOfEachWindow() {
    for (String window : List.of("1h", "6h", "1d", "3d")) {
      String name = "slo:sli_error_events:increase" + window;
      double fromRawSeries = value(raw.get(name));
      // The count tiles the window with 5-minute steps: at most one step more or less than the raw increase.
      assertEquals(fromRawSeries, value(recorded.get(name)), 0.05 * 300 + 1e-9, name);
    }
  }

  private static double value(String expression) {
    List<PrometheusApi.Sample> samples = api(prometheus).query(expression, END);
    assertEquals(1, samples.size(), expression + " gave " + samples);
    return samples.get(0).value();
  }

  private static PrometheusApi api(LocalPrometheus server) {
    return new HttpPrometheusApi(server.baseUrl(), Credentials.none());
  }

  private static GeneratedFiles generate(GenerationSettings settings) {
    SreRegistry sre = new SreRegistry();
    sre.service("shop", s -> s
        .owner(o -> o.team("shop").onCall("shop-primary").escalation("shop-lead"))
        .tier(Tier.CRITICAL)
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(99.9).over(Duration.ofDays(7))));
    return new SrePipeline().generate(sre.declarations(), settings);
  }

  private static Path write(GeneratedFiles files, Path root) throws IOException {
    for (GeneratedFile file : files.all()) {
      Path target = root.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.content());
    }
    return root;
  }

  /** The expression of every SLO recording, by recorded name. */
  private static Map<String, String> windowExpressions(Path rules) throws IOException {
    Map<String, String> byName = new java.util.TreeMap<>();
    for (LoadedRule rule : RuleFiles.parse(rules.getFileName().toString(),
        Files.readString(rules, StandardCharsets.UTF_8))) {
      if (rule.record() != null && rule.record().startsWith("slo:")) {
        byName.put(rule.record(), rule.expr().toString());
      }
    }
    assertTrue(byName.containsKey("slo:sli_error:ratio_rate3d"), byName.keySet().toString());
    return byName;
  }
}
