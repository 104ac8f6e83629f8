package dev.sredsl.model;

import java.util.List;

/**
 * A dashboard panel a team adds by hand, with its own PromQL.
 *
 * @param unit Grafana unit id, e.g. {@code reqps}, {@code percentunit}, {@code s}
 * @param queries PromQL, which may use Grafana's variables such as {@code $__rate_interval}
 */
public record CustomPanel(String title, String description, String unit, List<String> queries) {

  public CustomPanel {
    queries = List.copyOf(queries);
  }
}
