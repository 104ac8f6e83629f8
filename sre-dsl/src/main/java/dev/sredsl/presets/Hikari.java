package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.max;
import static dev.sredsl.promql.PromQL.sum;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;

/**
 * HikariCP connection pools as HikariCP's Micrometer tracker publishes them (label {@code pool}).
 *
 * <pre>{@code
 * .saturation(Hikari.pool("orders"), Hikari.pending("orders"))
 * .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
 * }</pre>
 *
 * <p>The signal id is derived from the pool name: lower-cased, each run of characters other than ASCII
 * letters and digits turned into a dash, cut at 63 characters; e.g. {@code HikariPool-1} gives
 * {@code hikari-hikaripool-1}. Use that id in {@code Conditions.signal(...)}.
 */
public final class Hikari {

  private Hikari() {}

  /**
   * Connections in use over the pool's maximum, on the busiest instance: at 1 every new query waits.
   * Works as a saturation signal and as the health signal of the database behind the pool.
   *
   * <p>Reads {@code max(hikaricp_connections_active / hikaricp_connections_max)} for the pool; a
   * {@code SATURATION} signal with id {@code hikari-<pool>} (e.g. {@code hikari-orders}, recorded as
   * {@code service:hikari_orders:saturation}) and unit {@code percentunit}.
   *
   * @param poolName the pool's name as configured in HikariCP ({@code spring.datasource.hikari.pool-name}),
   *     the value of the {@code pool} label
   * @return the preset, bound to the service's selector when the service is built
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

  /**
   * Threads waiting for a connection of the pool, summed over instances: above 0 means queries queue.
   *
   * <p>Reads {@code sum(hikaricp_connections_pending)} for the pool; a {@code SATURATION} signal with
   * id {@code hikari-<pool>-pending} and unit {@code short}, so it can sit beside {@link #pool} in one
   * service.
   *
   * @param poolName the pool's name, the value of the {@code pool} label
   * @return the preset, bound to the service's selector when the service is built
   */
  public static SignalPreset pending(String poolName) {
    return selector -> new Signal(
        Ids.of("hikari", poolName) + "-pending",
        SignalKind.SATURATION,
        "Threads waiting for a connection of pool " + poolName + ".",
        sum(Micrometer.series("hikaricp_connections_pending", selector, LabelMatcher.eq("pool", poolName))).toString(),
        "short");
  }
}
