package dev.sredsl.generate.openslo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.specs.ImportedSlo;
import dev.sredsl.specs.ImportedSlos;
import dev.sredsl.specs.OpenSloReader;
import dev.sredsl.specs.OpenSloSlos;
import dev.sredsl.specs.SpecYaml;
import dev.sredsl.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the OpenSLO generator writes, sre-dsl's OpenSLO reader gives back: over random services of
 * request and event SLOs (counters, queries of every form and of none, error ratios, thresholds), any
 * objective, periods from 7 to 365 days, custom or default burn-rate windows, tiers off, descriptions
 * and alert names, the SLOs read back keep name, objective, period, description, tiers, windows and
 * alert names, and writing them again gives the same bytes. A failure names the seed that repeats it.
 */
class OpenSloRoundTripPropertyTest {

  private static final int SERVICES = 300;
  private static final String[] TEXT = {"orders", "the pool", ": ", "# ", "'", "\"", "\\", "{x}", "${window}",
      "- ", "yes", "null", "0x1F", "é", "日本語", "\uD83D\uDE80", "%", "@", "|", ">", "[a]", "*", "&"};

  private final OpenSloGenerator generator = new OpenSloGenerator();

  @Test
  void theSlosReadBackAreTheSlosWrittenAndWriteTheSameBytes() {
    for (long seed = 1; seed <= SERVICES; seed++) {
      Random random = new Random(seed);
      Service service = new RandomSlos(random).service();
      String written = generator.generate(service).contentAsString();
      ImportedSlos read = read(written);
      String where = "seed " + seed + ":\n" + written;

      assertEquals(service.slos().size(), read.slos().size(), where);
      for (int i = 0; i < service.slos().size(); i++) {
        sameSlo(service, service.slos().get(i), read.slos().get(i), where);
      }
      Service again = Fixtures.service(service.name(), s -> {
        if (service.description() != null) {
          s.description(service.description());
        }
        read.slos().forEach(slo -> s.slo(slo.slo()));
      });
      assertEquals(written, generator.generate(again).contentAsString(), where);
    }
  }

  private static ImportedSlos read(String yaml) {
    String file = "openslo/written.yaml";
    return OpenSloSlos.toModel(file, OpenSloReader.read(SpecYaml.read(yaml.getBytes(
        java.nio.charset.StandardCharsets.UTF_8), file)));
  }

  private static void sameSlo(Service service, Slo slo, ImportedSlo imported, String where) {
    Slo back = imported.slo();
    assertEquals(service.name(), imported.service(), where);
    assertEquals(service.description(), imported.serviceDescription(), where);
    assertEquals(slo.name(), back.name(), where);
    assertEquals(slo.objectivePercent(), back.objectivePercent(), where);
    assertEquals(slo.period(), back.period(), where);
    assertEquals(slo.description(), back.description(), where);
    assertEquals(slo.pageAlerts(), back.pageAlerts(), where);
    assertEquals(slo.ticketAlerts(), back.ticketAlerts(), where);
    for (BurnRates.AlertTier tier : BurnRates.AlertTier.values()) {
      if (BurnRates.enabled(slo, tier)) {
        assertEquals(windows(slo, tier), windows(back, tier), where);
      }
    }
    if (slo.pageAlerts()) {
      assertEquals(AlertNames.fastBurnAlert(service, slo), AlertNames.fastBurnAlert(service, back), where);
    }
    if (slo.ticketAlerts()) {
      assertEquals(AlertNames.slowBurnAlert(service, slo), AlertNames.slowBurnAlert(service, back), where);
    }
  }

  /** Long window, short window and factor of each condition of a tier. */
  private static List<List<Object>> windows(Slo slo, BurnRates.AlertTier tier) {
    List<List<Object>> windows = new ArrayList<>();
    for (BurnRateWindow w : BurnRates.windows(slo, tier)) {
      windows.add(List.of(w.longWindow(), w.shortWindow(), w.factor(slo.period()).doubleValue()));
    }
    return windows;
  }

  /** Random services with SLOs of every kind this format carries, from one seed. */
  private static final class RandomSlos {

    private final Random random;

    RandomSlos(Random random) {
      this.random = random;
    }

    Service service() {
      String name = id();
      String description = chance(0.7) ? text() : null;
      boolean otel = chance(0.3);
      String namespace = chance(0.3) ? id() : null;
      int count = 1 + random.nextInt(4);
      List<Slo> slos = new ArrayList<>();
      Set<String> names = new HashSet<>();
      while (slos.size() < count) {
        Slo slo = slo(slos.size());
        if (names.add(slo.name())) {
          slos.add(slo);
        }
      }
      return Fixtures.service(name, s -> {
        if (description != null) {
          s.description(description);
        }
        if (namespace != null) {
          s.selector("namespace", namespace);
        }
        s.signals(otel ? OpenTelemetry.httpServer() : Micrometer.httpServer());
        slos.forEach(s::slo);
      });
    }

    private Slo slo(int index) {
      double objective = 90 + random.nextInt(9_999) / 1000.0;
      Slo slo = switch (random.nextInt(4)) {
        case 0 -> Slo.availability(objective);
        case 1 -> Slo.latency(Duration.ofMillis(pick(new Integer[] {100, 250, 300, 500, 1000}))).percent(objective);
        case 2 -> counted(Slo.events("events-" + index)).percent(objective);
        default -> Slo.events("ratio-" + index).errorRatio(EventCount.query(errorRatio())).percent(objective);
      };
      slo = slo.named(chance(0.5) ? slo.name() : "s" + index + "-" + id()).over(Duration.ofDays(7 + random.nextInt(359)));
      if (chance(0.4)) {
        slo = slo.describedAs(text());
      }
      if (chance(0.4)) {
        slo = slo.pageWhen(windows(1 + random.nextInt(3)));
      }
      if (chance(0.4)) {
        slo = slo.ticketWhen(windows(1 + random.nextInt(3)));
      }
      if (chance(0.2)) {
        slo = slo.withoutPaging();
      }
      if (chance(0.2)) {
        slo = slo.withoutTickets();
      }
      if (chance(0.3)) {
        slo = slo.alerting(SloAlerting.named(chance(0.8) ? "Page" + camel() : null, chance(0.8) ? "Ticket" + camel()
            : null));
      }
      return slo;
    }

    private Slo counted(Slo slo) {
      EventCount events = count(true);
      Slo counted = chance(0.5) ? slo.bad(events) : slo.good(events);
      return counted.total(count(false));
    }

    /** A count in any form: a counter, or a query the reader has a form for, or one it has not. */
    private EventCount count(boolean part) {
      String metric = "app_" + id().replace('-', '_') + "_total" + (part ? "{result=\"failed\"}" : "");
      return switch (random.nextInt(6)) {
        case 0, 1 -> part ? EventCount.counter("jobs_total").where("result", "failed") : EventCount.counter("jobs_total");
        case 2 -> EventCount.query("sum(rate(" + metric + "[${window}]))");
        case 3 -> EventCount.query("sum(rate((sum without (pod) (" + metric + "))[${window}:]))");
        case 4 -> EventCount.query("sum(avg_over_time((job:" + id().replace('-', '_') + ":rate5m)[${window}:]))");
        default -> EventCount.query("sum(increase(" + metric + "[${window}])) / 60");
      };
    }

    private String errorRatio() {
      String ratio = "job:errors:ratio_rate5m{job=\"" + id() + "\"}";
      return switch (random.nextInt(4)) {
        case 0 -> "avg_over_time((" + ratio + ")[${window}:])";
        case 1 -> "1 - avg_over_time((" + ratio + ")[${window}:])";
        case 2 -> "1 - avg_over_time(((max(latency_seconds)) " + pick(new String[] {"<", "<=", ">", ">="}) + " bool "
            + pick(new String[] {"0.5", "2", "0.025", "10", "1.5e3", "0.50"}) + ")[${window}:])";
        default -> "1 - avg(avg_over_time(satisfaction_ratio[${window}]))";
      };
    }

    private BurnRateWindow[] windows(int count) {
      BurnRateWindow[] windows = new BurnRateWindow[count];
      for (int i = 0; i < count; i++) {
        Duration longWindow = Duration.ofMinutes(12 + random.nextInt(3 * 24 * 60));
        Duration shortWindow = Duration.ofMinutes(Math.max(1, longWindow.toMinutes() / 12));
        windows[i] = chance(0.7)
            ? BurnRateWindow.of(longWindow, shortWindow, (1 + random.nextInt(300)) / 10.0)
            : BurnRateWindow.spending(1 + random.nextInt(20), longWindow, shortWindow);
      }
      return windows;
    }

    private String text() {
      StringBuilder text = new StringBuilder(pick(new String[] {"Orders", "Payments", "Jobs"}));
      int parts = random.nextInt(5);
      for (int i = 0; i < parts; i++) {
        text.append(' ').append(pick(TEXT));
      }
      return text.toString();
    }

    private String id() {
      String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
      StringBuilder id = new StringBuilder().append((char) ('a' + random.nextInt(26)));
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        id.append(chance(0.1) && i < length - 1 ? '-' : chars.charAt(random.nextInt(chars.length())));
      }
      return id.toString().replace("--", "-a");
    }

    private String camel() {
      return Character.toUpperCase(id().charAt(0)) + id().replace("-", "");
    }

    private boolean chance(double probability) {
      return random.nextDouble() < probability;
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }
  }
}
