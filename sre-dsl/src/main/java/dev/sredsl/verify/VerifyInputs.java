package dev.sredsl.verify;

import dev.sredsl.promql.Expr;
import java.time.Duration;
import java.util.List;

/**
 * What verification reads of one service: its rules as generated, the queries of its dashboard's
 * panels, and its SLOs.
 *
 * @param team the owning team, or {@code null}
 * @param panels the dashboard's queries, Grafana's variables replaced
 * @param badEvents selectors (PromQL text) that count bad events, e.g. the failed requests: matching
 *     nothing, they mean no errors were seen yet
 */
public record VerifyInputs(String service, String team, List<LoadedRule> rules, List<PanelQuery> panels,
    List<SloTarget> slos, java.util.Set<String> badEvents) {

  public VerifyInputs {
    rules = List.copyOf(rules);
    panels = List.copyOf(panels);
    slos = List.copyOf(slos);
    badEvents = java.util.Set.copyOf(badEvents);
  }

  /** A dashboard panel's query. */
  public record PanelQuery(String panel, Expr expr) {}

  /** An SLO's objective and period, for the budget it spent in the window. */
  public record SloTarget(String name, double objectivePercent, Duration period) {}
}
