package dev.sredsl.model;

import java.util.List;

/**
 * A dashboard panel a team adds by hand, with its own PromQL.
 *
 * @param title the panel's title
 * @param description what the panel shows and how to read it
 * @param unit Grafana unit id, e.g. {@code reqps}, {@code percentunit}, {@code s}
 * @param queries PromQL, which may use Grafana's variables such as {@code $__rate_interval}, in the
 *     order declared; unmodifiable
 */
public record CustomPanel(String title, String description, String unit, List<String> queries) {

  public CustomPanel {
    queries = List.copyOf(queries);
  }
}
