package dev.sredsl.generate.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.testing.Fixtures;
import dev.sredsl.testing.OutputValidators;
import dev.sredsl.testing.SharedTestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sloth's own {@code AlertWindows} (7 days, and a custom 30-day table), declared in the DSL the way a
 * team moving from Sloth would: each condition as Sloth's share of the period's budget. The generated
 * alerts must fire exactly where Sloth's do (factor = share x period / long window, times the
 * budget), and promtool must accept the rules and pass their generated tests.
 */
class SlothAlertWindowsTest {

  @TempDir
  Path work;

  static Stream<Path> specs() throws IOException {
    try (Stream<Path> files = Files.list(SharedTestData.peerSpecs().resolve("sloth").resolve("windows"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void slothsWindowsDeclaredAsBudgetSharesFireWhereSlothsDo(Path spec) throws IOException {
    JsonNode windows = OutputValidators.YAML.readTree(spec.toFile()).get("spec");
    Duration period = PromDuration.parse(windows.get("sloPeriod").asText());
    Slo slo = Slo.availability(99.9).over(period)
        .pageWhen(window(windows.at("/page/quick")), window(windows.at("/page/slow")))
        .ticketWhen(window(windows.at("/ticket/quick")), window(windows.at("/ticket/slow")));
    var service = Fixtures.service("wifi", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer()).slo(slo));

    List<String> expected = new ArrayList<>();
    for (String tier : List.of("page", "ticket")) {
      for (String speed : List.of("quick", "slow")) {
        JsonNode w = windows.at("/" + tier + "/" + speed);
        expected.add(PromDuration.format(PromDuration.parse(w.get("longWindow").asText())) + " "
            + PromDuration.format(PromDuration.parse(w.get("shortWindow").asText())) + " "
            + slothThreshold(w, period).toPlainString());
      }
    }
    List<String> actual = new ArrayList<>();
    for (BurnRates.AlertTier tier : BurnRates.AlertTier.values()) {
      for (BurnRateWindow w : BurnRates.windows(slo, tier)) {
        actual.add(PromDuration.format(w.longWindow()) + " " + PromDuration.format(w.shortWindow()) + " "
            + w.threshold(period, new BigDecimal("0.001")).toPlainString());
      }
    }
    assertEquals(expected, actual);

    List<GeneratedFile> files = new PrometheusRulesGenerator().generate(service, GenerationSettings.DEFAULTS);
    String rules = files.get(0).contentAsString();
    for (String condition : expected) {
      String[] parts = condition.split(" ");
      assertTrue(rules.contains("slo:sli_error:ratio_rate" + parts[0] + "{service=\"wifi\", slo=\"availability\"} > "
          + dev.sredsl.generate.Numbers.format(Double.parseDouble(parts[2]))), condition + " in\n" + rules);
    }
    Path rulesFile = work.resolve("prometheus").resolve("wifi.rules.yml");
    Files.createDirectories(rulesFile.getParent());
    Files.writeString(rulesFile, rules);
    Path tests = work.resolve("prometheus").resolve("wifi.rules.test.yml");
    Files.write(tests, new RuleTestsGenerator().generate(service, GenerationSettings.DEFAULTS).content());
    OutputValidators.promtoolCheckRules(List.of(rulesFile));
    OutputValidators.promtoolTestRules(List.of(tests));
  }

  private static BurnRateWindow window(JsonNode w) {
    return BurnRateWindow.spending(w.get("errorBudgetPercent").asDouble(),
        PromDuration.parse(w.get("longWindow").asText()), PromDuration.parse(w.get("shortWindow").asText()));
  }

  /**
   * Sloth's threshold, worked out here from its definition as an exact fraction: share x (period / long
   * window) x budget, for the budget of 99.9%.
   */
  private static BigDecimal slothThreshold(JsonNode w, Duration period) {
    BigDecimal numerator = new BigDecimal(w.get("errorBudgetPercent").asText())
        .multiply(BigDecimal.valueOf(period.getSeconds())).multiply(new BigDecimal("0.001"));
    BigDecimal denominator = BigDecimal.valueOf(PromDuration.parse(w.get("longWindow").asText()).getSeconds())
        .multiply(BigDecimal.valueOf(100));
    return numerator.divide(denominator, MathContext.DECIMAL64).stripTrailingZeros();
  }
}
