package dev.sredsl.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.check.DefinitionValidator;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Tier;
import dev.sredsl.promql.LabelMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saturation and health presets: exact series, labels, names, kinds and units, bound to job="checkout". */
class SignalPresetsTest {

  private static final List<LabelMatcher> CHECKOUT = List.of(LabelMatcher.eq("job", "checkout"));

  @Test
  void hikariPoolIsActiveOverMaxConnectionsOfThePoolOnTheBusiestInstance() {
    Signal signal = Hikari.pool("orders").bind(CHECKOUT);

    assertEquals("hikari-orders", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("percentunit", signal.unit());
    assertEquals("max(hikaricp_connections_active{job=\"checkout\", pool=\"orders\"}"
        + " / hikaricp_connections_max{job=\"checkout\", pool=\"orders\"})", signal.expression());
  }

  @Test
  void hikariPendingSumsThreadsWaitingForAConnectionOfThePool() {
    Signal signal = Hikari.pending("orders").bind(CHECKOUT);

    assertEquals("hikari-orders-pending", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("short", signal.unit());
    assertEquals("sum(hikaricp_connections_pending{job=\"checkout\", pool=\"orders\"})", signal.expression());
  }

  @Test
  void jvmHeapIsUsedOverPositiveMaxHeapOnTheFullestInstance() {
    Signal signal = Jvm.heapUsed().bind(CHECKOUT);

    assertEquals("jvm-heap", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("percentunit", signal.unit());
    assertEquals("max(sum by (instance) (jvm_memory_used_bytes{job=\"checkout\", area=\"heap\"})"
        + " / sum by (instance) (jvm_memory_max_bytes{job=\"checkout\", area=\"heap\"} > 0))", signal.expression());
  }

  @Test
  void jvmCpuIsProcessCpuUsageOnTheBusiestInstance() {
    Signal signal = Jvm.cpu().bind(CHECKOUT);

    assertEquals("process-cpu", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("percentunit", signal.unit());
    assertEquals("max(process_cpu_usage{job=\"checkout\"})", signal.expression());
  }

  @Test
  void threadPoolQueueIsQueuedOverQueuedPlusRemainingTasksOfTheExecutor() {
    Signal signal = ThreadPool.queue("workers").bind(CHECKOUT);

    assertEquals("executor-workers", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("percentunit", signal.unit());
    assertEquals("max(executor_queued_tasks{job=\"checkout\", name=\"workers\"}"
        + " / (executor_queued_tasks{job=\"checkout\", name=\"workers\"}"
        + " + executor_queue_remaining_tasks{job=\"checkout\", name=\"workers\"}))", signal.expression());
  }

  @Test
  void kafkaConsumerLagIsTheMaxRecordsLagOfTheClient() {
    Signal signal = Kafka.consumerLag("orders-consumer").bind(CHECKOUT);

    assertEquals("kafka-lag-orders-consumer", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("short", signal.unit());
    assertEquals("max(kafka_consumer_fetch_manager_records_lag_max{job=\"checkout\", client_id=\"orders-consumer\"})",
        signal.expression());
  }

  @Test
  void httpClientIsTheShareOfFailedOrUnansweredCallsToTheClient() {
    Signal signal = Micrometer.httpClient("payments").bind(CHECKOUT);

    assertEquals("http-client-payments", signal.name());
    assertEquals(SignalKind.ERRORS, signal.kind());
    assertEquals("percentunit", signal.unit());
    assertEquals("(sum(rate(http_client_requests_seconds_count{job=\"checkout\", client_name=\"payments\","
        + " outcome=~\"SERVER_ERROR|UNKNOWN\"}[5m])) or vector(0)) / sum(rate(http_client_requests_seconds_count"
        + "{job=\"checkout\", client_name=\"payments\"}[5m]))", signal.expression());
  }

  @Test
  void cacheIsTheShareOfMissedLookups() {
    Signal signal = Micrometer.cache("users").bind(CHECKOUT);

    assertEquals("cache-users", signal.name());
    assertEquals(SignalKind.SATURATION, signal.kind());
    assertEquals("percentunit", signal.unit());
    assertEquals("(sum(rate(cache_gets_total{job=\"checkout\", cache=\"users\", result=\"miss\"}[5m])) or vector(0))"
        + " / sum(rate(cache_gets_total{job=\"checkout\", cache=\"users\"}[5m]))", signal.expression());
  }

  @Test
  void escapesQuotesAndBackslashesInPresetArguments() {
    Signal signal = Hikari.pending("a\"b\\c").bind(CHECKOUT);

    assertEquals("sum(hikaricp_connections_pending{job=\"checkout\", pool=\"a\\\"b\\\\c\"})", signal.expression());
  }

  @Test
  void describesEachSignalForThePersonOnCall() {
    assertEquals("Connections of pool orders in use as a share of the pool's maximum, on the busiest instance.",
        Hikari.pool("orders").bind(CHECKOUT).description());
    assertEquals("Records the consumer orders-consumer is behind on its most lagging partition.",
        Kafka.consumerLag("orders-consumer").bind(CHECKOUT).description());
  }

  @Test
  void ofReturnsAHandWrittenSignalWhateverTheSelector() {
    Signal custom = Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total[5m]))");

    assertEquals(custom, SignalPreset.of(custom).bind(CHECKOUT));
    assertEquals(custom, SignalPreset.of(custom).bind(List.of()));
  }

  @Test
  void hikariDefaultPoolNameValidates() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.HIGH)
        .dependency(d -> d.database("orders-db").via(Hikari.pool("HikariPool-1"))));

    assertEquals(List.of(), new DefinitionValidator().validate(sre.declarations().services()));
  }
}
