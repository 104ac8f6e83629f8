package dev.sredsl.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one verification found, in the order of the services and their alerts as declared.
 *
 * @param server the server asked, without credentials
 * @param start the backtest window's first evaluation
 * @param end the backtest window's last evaluation
 * @param step the evaluation interval replayed
 * @param lookback how far back series checks looked
 * @param baseline whether a baseline's rules were backtested too
 * @param violations the gate's verdict: one sentence each; empty when it passed
 */
public record VerifyResult(String server, Instant start, Instant end, Duration step, Duration lookback, boolean baseline,
    List<ServiceResult> services, List<TeamLoad> teams, List<String> violations) {

  public VerifyResult {
    services = List.copyOf(services);
    teams = List.copyOf(teams);
    violations = List.copyOf(violations);
  }

  /** The window's length. */
  public Duration window() {
    return Duration.between(start, end);
  }

  /** One service's alerts, SLOs and findings. */
  public record ServiceResult(String name, String team, List<AlertResult> alerts, List<SloResult> slos,
      List<Finding> findings) {
    public ServiceResult {
      alerts = List.copyOf(alerts);
      slos = List.copyOf(slos);
      findings = List.copyOf(findings);
    }
  }

  /**
   * One alert's backtest, and the baseline's alert of the same name when there is one.
   *
   * @param severity the alert's {@code severity} label: critical pages, warning tickets
   * @param baseline the baseline's backtest; {@code null} without a baseline or when the alert is new
   * @param removed whether the alert exists in the baseline only
   * @param cannotFire why the alert could not have fired (a selector it reads matches nothing, or its
   *     expression gave no data), or {@code null}
   */
  public record AlertResult(String name, String severity, Backtest.Replay current, Backtest.Replay baseline,
      boolean removed, String cannotFire) {

    AlertResult withCannotFire(String reason) {
      return new AlertResult(name, severity, current, baseline, removed, reason);
    }


    /** Whether the alert pages ({@code severity="critical"}). */
    public boolean pages() {
      return "critical".equals(severity);
    }

    /** Whether the alert opens tickets ({@code severity="warning"}). */
    public boolean tickets() {
      return "warning".equals(severity);
    }
  }

  /**
   * @param errorRatio the share of bad events over the window, {@code NaN} when there were no events
   * @param budgetSpent the share of the period's error budget the window spent, at its traffic
   */
  public record SloResult(String name, double objectivePercent, Duration period, double errorRatio,
      double budgetSpent) {}

  /**
   * A team's load: pages (critical alerts' episodes) and tickets (warnings') per week, from the
   * window; the baseline's when there is one, else {@code NaN}.
   */
  public record TeamLoad(String team, double pagesPerWeek, double ticketsPerWeek, double baselinePagesPerWeek,
      double baselineTicketsPerWeek) {}
}
