package dev.sredsl.dsl;

import dev.sredsl.model.CustomPanel;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares a custom dashboard panel:
 * {@code p -> p.title("Orders").description("Orders placed per second.").unit("reqps")
 *     .query("sum(rate(orders_total{job=\"checkout\"}[$__rate_interval]))")}.
 *
 * <p>The panel is added to the Custom row of the service's dashboard. Title, description, unit and at
 * least one query are required. The queries are linted with the dashboard, so a query that does not
 * parse once Grafana's variables are substituted, reads a range of raw series without
 * {@code $__rate_interval}, or uses a raw counter outside {@code rate}, {@code irate} or
 * {@code increase} fails the build with the panel's name.
 */
public final class PanelBuilder {

  private String title;
  private String description;
  private String unit;
  private final List<String> queries = new ArrayList<>();

  PanelBuilder() {}

  /**
   * The panel's title. Required.
   *
   * @param text the title, not blank
   * @return this builder
   */
  public PanelBuilder title(String text) {
    this.title = text;
    return this;
  }

  /**
   * What the panel shows and how to read it, for the person on call. Required.
   *
   * @param text the description, not blank
   * @return this builder
   */
  public PanelBuilder description(String text) {
    this.description = text;
    return this;
  }

  /**
   * A Grafana unit id such as {@code reqps}, {@code percentunit}, {@code s}, {@code bytes}. Required.
   *
   * @param grafanaUnit the unit id, not blank
   * @return this builder
   */
  public PanelBuilder unit(String grafanaUnit) {
    this.unit = grafanaUnit;
    return this;
  }

  /**
   * Adds a PromQL query to the panel; range functions over raw series use {@code [$__rate_interval]}.
   * Each call adds one more query, kept in the order added. The query is used as written: select the
   * service's series yourself, e.g. with {@code job="checkout"}.
   *
   * @param promql the query, not blank; {@code null} is reported as a missing query
   * @return this builder
   */
  public PanelBuilder query(String promql) {
    queries.add(promql == null ? "" : promql);
    return this;
  }

  CustomPanel build() {
    return new CustomPanel(title, description, unit, queries);
  }
}
