package dev.sredsl.generate.openslo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The OpenSLO file of a fixed service, against the expectation checked in beside this test. */
class OpenSloGeneratorTest {

  /** Request SLOs, counted and queried events, an error ratio, custom windows, a tier off, named alerts. */
  static Service checkout() {
    return Fixtures.service("checkout", s -> s
        .description("Takes the basket to a paid order.")
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(99.9).over(Duration.ofDays(28)).describedAs("Orders are taken: a 500 loses one."))
        .slo(Slo.latency(Duration.ofMillis(300)).percent(99).withoutTickets()
            .alerting(SloAlerting.named("CheckoutSlow", "CheckoutSlowTicket")))
        .slo(Slo.events("payments").bad(EventCount.counter("payments_total").where("result", "failed"))
            .total(EventCount.counter("payments_total")).percent(99.5)
            .pageWhen(BurnRateWindow.of(Duration.ofHours(2), Duration.ofMinutes(10), 10))
            .ticketWhen(BurnRateWindow.spending(10, Duration.ofDays(3), Duration.ofHours(6))))
        .slo(Slo.events("records").good(EventCount.query(
                "sum(rate(kafka_consumer_records_consumed_total{topic=\"orders\"}[${window}]))"))
            .total(EventCount.query("sum(increase(kafka_records_total[${window}])) / 60")).percent(99))
        .slo(Slo.events("p99").errorRatio(EventCount.query("1 - avg_over_time(((histogram_quantile(0.99,"
            + " sum by (le) (rate(http_server_requests_seconds_bucket[5m])))) <= bool 0.5)[${window}:])"))
            .percent(95).withoutPaging().withoutTickets()));
  }

  @Test
  void writesTheCheckedExpectation() throws IOException {
    String written = new OpenSloGenerator().generate(checkout()).contentAsString();
    if (!written.equals(expected())) {
      // What was written, to compare with (and, when the change is meant, copy over) the expectation.
      java.nio.file.Path actual = java.nio.file.Path.of("target", "openslo", "checkout.yaml");
      java.nio.file.Files.createDirectories(actual.getParent());
      java.nio.file.Files.writeString(actual, written);
    }
    assertEquals(expected(), written);
    assertEquals("openslo/checkout.yaml", new OpenSloGenerator().generate(checkout()).path());
  }

  @Test
  void twoRunsWriteTheSameBytes() {
    assertArrayEquals(new OpenSloGenerator().generate(checkout()).content(),
        new OpenSloGenerator().generate(checkout()).content());
  }

  private static String expected() throws IOException {
    try (InputStream in = OpenSloGeneratorTest.class.getResourceAsStream("/openslo/checkout.yaml")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
