package dev.sredsl.dsl;

import dev.sredsl.model.CustomPanel;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares a custom dashboard panel:
 * {@code p -> p.title("Orders").description("Orders placed per second.").unit("reqps")
 *     .query("sum(rate(orders_total{job=\"checkout\"}[$__rate_interval]))")}.
 */
public final class PanelBuilder {

  private String title;
  private String description;
  private String unit;
  private final List<String> queries = new ArrayList<>();

  PanelBuilder() {}

  public PanelBuilder title(String text) {
    this.title = text;
    return this;
  }

  /** What the panel shows and how to read it, for the person on call. */
  public PanelBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** A Grafana unit id such as {@code reqps}, {@code percentunit}, {@code s}, {@code bytes}. */
  public PanelBuilder unit(String grafanaUnit) {
    this.unit = grafanaUnit;
    return this;
  }

  /** A PromQL query of the panel; range functions over raw series use {@code [$__rate_interval]}. */
  public PanelBuilder query(String promql) {
    queries.add(promql == null ? "" : promql);
    return this;
  }

  CustomPanel build() {
    return new CustomPanel(title, description, unit, queries);
  }
}
