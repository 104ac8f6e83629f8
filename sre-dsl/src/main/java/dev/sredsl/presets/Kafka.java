package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.max;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;

/** Kafka consumers instrumented with Micrometer's {@code KafkaClientMetrics}. */
public final class Kafka {

  private Kafka() {}

  /**
   * The largest lag, in records, of any partition read by the consumer with {@code client.id}
   * {@code clientId} ({@code kafka_consumer_fetch_manager_records_lag_max}, label {@code client_id}).
   */
  public static SignalPreset consumerLag(String clientId) {
    return selector -> new Signal(
        Ids.of("kafka-lag", clientId),
        SignalKind.SATURATION,
        "Records the consumer " + clientId + " is behind on its most lagging partition.",
        max(Micrometer.series("kafka_consumer_fetch_manager_records_lag_max", selector,
            LabelMatcher.eq("client_id", clientId))).toString(),
        "short");
  }
}
