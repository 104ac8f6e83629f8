package dev.sredsl.generate.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written promtool test {@code src/test/resources/prometheus/burn-rate.test.yml} against the
 * rules generated for a 99.9% availability SLO: pages, tickets and silence where the SRE Workbook
 * says so.
 */
class BurnRateSemanticsTest {

  @TempDir
  Path work;

  @Test
  void theGeneratedBurnRateAlertsPageTicketAndStaySilentAsTheWorkbookSays() throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Service shop = Fixtures.service("shop", s -> s
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("web"))
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(99.9)));
    for (GeneratedFile file : new PrometheusRulesGenerator().generate(shop, GenerationSettings.DEFAULTS)) {
      if (file.path().endsWith(".rules.yml")) {
        Files.write(work.resolve("shop.rules.yml"), file.content());
      }
    }
    try (InputStream test = getClass().getResourceAsStream("/prometheus/burn-rate.test.yml")) {
      Files.copy(test, work.resolve("burn-rate.test.yml"));
    }

    ExternalTool.Run run = promtool.run("test", "rules", work.resolve("burn-rate.test.yml").toString());

    assertEquals(0, run.exitCode(), run.output());
  }
}
