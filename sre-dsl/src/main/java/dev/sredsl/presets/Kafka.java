package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.max;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;

/**
 * Kafka consumers instrumented with Micrometer's {@code KafkaClientMetrics}; the lag can serve as a
 * saturation signal or as the health signal of a {@code queue} dependency.
 */
public final class Kafka {

  private Kafka() {}

  /**
   * The largest lag, in records, of any partition read by the consumer with {@code client.id}
   * {@code clientId} ({@code kafka_consumer_fetch_manager_records_lag_max}, label {@code client_id}),
   * across all instances. A {@code SATURATION} signal with id {@code kafka-lag-<client id>} (folded to
   * lower case and dashes like the other presets' ids) and unit {@code short}.
   *
   * <pre>{@code
   * .dependency(d -> d.queue("orders-topic").via(Kafka.consumerLag("orders-consumer")))
   * }</pre>
   *
   * @param clientId the consumer's {@code client.id}, the value of the {@code client_id} label
   * @return the preset, bound to the service's selector when the service is built
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
