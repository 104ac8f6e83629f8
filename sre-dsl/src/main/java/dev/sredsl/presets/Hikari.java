package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.max;
import static dev.sredsl.promql.PromQL.sum;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;

/** HikariCP connection pools as HikariCP's Micrometer tracker publishes them (label {@code pool}). */
public final class Hikari {

  private Hikari() {}

  /**
   * Connections in use over the pool's maximum, on the busiest instance: at 1 every new query waits.
   * Works as a saturation signal and as the health signal of the database behind the pool.
   */
  public static SignalPreset pool(String poolName) {
    return selector -> {
      LabelMatcher pool = LabelMatcher.eq("pool", poolName);
      return new Signal(
          Ids.of("hikari", poolName),
          SignalKind.SATURATION,
          "Connections of pool " + poolName + " in use as a share of the pool's maximum, on the busiest instance.",
          max(div(Micrometer.series("hikaricp_connections_active", selector, pool),
              Micrometer.series("hikaricp_connections_max", selector, pool))).toString(),
          "percentunit");
    };
  }

  /** Threads waiting for a connection of the pool, summed over instances: above 0 means queries queue. */
  public static SignalPreset pending(String poolName) {
    return selector -> new Signal(
        Ids.of("hikari", poolName) + "-pending",
        SignalKind.SATURATION,
        "Threads waiting for a connection of pool " + poolName + ".",
        sum(Micrometer.series("hikaricp_connections_pending", selector, LabelMatcher.eq("pool", poolName))).toString(),
        "short");
  }
}
