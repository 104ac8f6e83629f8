package dev.sredsl.conventions;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.coverage.Coverage;
import dev.sredsl.coverage.CoverageAnalyzer;
import dev.sredsl.coverage.CoverageItem;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.Fixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which inputs of the paging alerts a missing-data alert watches, and what the coverage report says. */
class MissingDataTest {

  private static Service orders(java.util.function.Consumer<dev.sredsl.dsl.ServiceBuilder> more) {
    return Fixtures.service("orders", s -> {
      s.tier(Tier.CRITICAL).signals(Micrometer.httpServer()).saturation(Hikari.pool("orders"))
          .slo(Slo.latency(Duration.ofMillis(250)).percent(99))
          .alert("OrdersErrors", a -> a.when(errorRatio().above(0.05)).lasting("5m").severity(Severity.PAGE)
              .summary("Orders fail."))
          .alert("OrdersPoolFull", a -> a.when(signal("hikari-orders").above(0.9)).lasting("5m")
              .severity(Severity.PAGE).summary("Pool full."))
          .alert("OrdersPayments", a -> a.when(promql("sum(rate(payments_failed_total{job=\"payments\"}[5m])) > 1"))
              .lasting("5m").severity(Severity.PAGE).summary("Payments fail."))
          .alert("OrdersSlowTicket", a -> a.when(promql("sum(rate(slow_total{job=\"orders\"}[5m])) > 1"))
              .lasting("5m").severity(Severity.TICKET).summary("Slow."));
      more.accept(s);
    });
  }

  @Test
  void everyInputOfThePagingAlertsIsWatchedByNameAndSelectorOnly() {
    assertEquals(List.of(
        "http_server_requests_seconds_count{job=\"orders\"}",
        "http_server_requests_seconds_bucket{job=\"orders\", le=\"0.25\"}",
        "hikaricp_connections_active{job=\"orders\"}",
        "hikaricp_connections_max{job=\"orders\"}"),
        MissingData.watched(orders(s -> {})).stream().map(Object::toString).toList());
  }

  @Test
  void aQueryOnAnotherJobCannotBeWatchedForTheService() {
    MissingData.PagingAlert payments = MissingData.pagingAlerts(orders(s -> {})).stream()
        .filter(a -> a.name().equals("OrdersPayments")).findFirst().orElseThrow();
    assertEquals(List.of("payments_failed_total{job=\"payments\"} (not narrowed by the service's selector"
        + " {job=\"orders\"})"), payments.unwatched());
    assertTrue(!payments.covered());
  }

  @Test
  void theCoverageReportListsEachPagingAlertAndWhatNothingWatches() {
    Coverage coverage = new CoverageAnalyzer(LocalDate.of(2026, 11, 30)).analyze(List.of(orders(s -> {})));
    List<CoverageItem> items = coverage.items("orders", CoverageCounter.MISSING_DATA);
    assertEquals(List.of("OrdersLatencyErrorBudgetFastBurn", "OrdersErrors", "OrdersPoolFull", "OrdersPayments"),
        items.stream().map(CoverageItem::name).toList(), "paging alerts only, tickets left out");
    assertEquals("inputs no missing-data alert can watch: payments_failed_total{job=\"payments\"} (not narrowed by"
        + " the service's selector {job=\"orders\"})", items.get(3).missing());
    assertEquals(3, coverage.value("orders", CoverageCounter.MISSING_DATA).covered());
  }

  @Test
  void switchedOffTheReasonShowsLikeAWaiver() {
    Coverage coverage = new CoverageAnalyzer(LocalDate.of(2026, 11, 30))
        .analyze(List.of(orders(s -> s.withoutMissingDataAlerts("Batch: series vanish between runs."))));
    CoverageItem first = coverage.items("orders", CoverageCounter.MISSING_DATA).get(0);
    assertEquals("missing-data alerts switched off", first.missing());
    assertEquals("Batch: series vanish between runs.", first.waiver());
    assertTrue(first.counts());
  }

  @Test
  void missingDataPagesForTheTiersThatPageAndTicketsForTheLowTier() {
    assertEquals(Severity.PAGE, MissingData.severity(orders(s -> {})));
    assertEquals(Severity.TICKET, MissingData.severity(orders(s -> s.tier(Tier.LOW))));
  }
}
