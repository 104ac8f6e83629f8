package dev.sredsl.presets;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.Selector;

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
      Selector active = new Selector("hikaricp_connections_active", Micrometer.with(selector, pool));
      Selector max = new Selector("hikaricp_connections_max", Micrometer.with(selector, pool));
      return new Signal(
          Ids.of("hikari", poolName),
          SignalKind.SATURATION,
          "Connections of pool " + poolName + " in use as a share of the pool's maximum, on the busiest instance.",
          "max(" + active + " / " + max + ")",
          "percentunit");
    };
  }

  /** Threads waiting for a connection of the pool, summed over instances: above 0 means queries queue. */
  public static SignalPreset pending(String poolName) {
    return selector -> new Signal(
        Ids.of("hikari", poolName) + "-pending",
        SignalKind.SATURATION,
        "Threads waiting for a connection of pool " + poolName + ".",
        "sum(" + new Selector("hikaricp_connections_pending",
            Micrometer.with(selector, LabelMatcher.eq("pool", poolName))) + ")",
        "short");
  }
}
