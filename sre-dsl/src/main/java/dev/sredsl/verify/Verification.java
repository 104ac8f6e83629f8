package dev.sredsl.verify;

import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.MatrixSelector;
import dev.sredsl.verify.VerifyResult.AlertResult;
import dev.sredsl.verify.VerifyResult.ServiceResult;
import dev.sredsl.verify.VerifyResult.SloResult;
import dev.sredsl.verify.VerifyResult.TeamLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Checks the services' monitoring against a live server and backtests every alert: series checks for
 * every selector of every rule and dashboard panel (through the recording rules, inlined), window
 * checks for every range, the backtest of every alert over the window, the budget each SLO spent, and
 * the gate. Queries run a few at a time (the API bounds how many are in flight); a failure of the
 * server ends the run with its one line, and nothing partial is returned.
 */
public final class Verification {

  /**
   * @param end the last evaluation of the window (e.g. now)
   * @param window how far back the backtest replays
   * @param step the rule evaluation interval
   * @param lookback how far back series checks look for a metric that matches nothing now
   * @param maxPagesPerWeek the most pages a team may get per week, or {@code null} for no limit
   * @param maxTicketsPerWeek the most tickets a team may get per week, or {@code null} for no limit
   * @param threads how many checks run at once
   */
  public record Settings(Instant end, Duration window, Duration step, Duration lookback, Double maxPagesPerWeek,
      Double maxTicketsPerWeek, int threads) {}

  private static final Duration WEEK = Duration.ofDays(7);

  private final PrometheusApi api;
  private final Settings settings;
  private final Consumer<String> progress;

  /** @param progress receives a line per service as it is done */
  public Verification(PrometheusApi api, Settings settings, Consumer<String> progress) {
    this.api = api;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * @param baselineRules another build's rules to backtest beside these, or {@code null}
   * @throws PrometheusApiException when the server fails; nothing is returned then
   */
  public VerifyResult run(List<VerifyInputs> services, List<LoadedRule> baselineRules) {
    List<LoadedRule> allRules = services.stream().flatMap(s -> s.rules().stream()).toList();
    Instant end = settings.end();
    Instant start = end.minus(settings.window());
    SelectorCheck selectors = new SelectorCheck(api, end, settings.lookback());
    WindowCheck windows = new WindowCheck(api, end);
    Backtest backtest = new Backtest(api, settings.step());
    int queries = services.stream().mapToInt(s -> s.rules().size() + s.panels().size()).sum();
    progress.accept(String.format(Locale.ROOT, "Verifying %d services against %s: %d expressions, about %d queries",
        services.size(), api.describe(), queries, queries * 2));
    List<ServiceResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
      Thread thread = new Thread(r, "sre-verify");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // Every service's queries are queued at once, so that one service's slow query does not hold the
      // others back; the results are taken in the services' order.
      List<PendingService> pending = new ArrayList<>();
      for (VerifyInputs service : services) {
        // An inliner per service, so that what it could not inline is reported with the service that read it.
        pending.add(submit(service, new RecordingInliner(allRules, settings.step()),
            baselineRules == null ? null : new RecordingInliner(baselineRules, settings.step()), baselineRules,
            selectors, windows, backtest, start, end, pool));
      }
      int done = 0;
      int left = queries;
      for (PendingService service : pending) {
        ServiceResult result = collect(service);
        results.add(result);
        done++;
        left -= service.inputs().rules().size() + service.inputs().panels().size();
        progress.accept(String.format(Locale.ROOT, "  %s: %d alerts backtested, %d findings (%d of %d services;"
            + " about %d queries left)", result.name(), result.alerts().size(), result.findings().size(), done,
            services.size(), left * 2));
      }
    } finally {
      pool.shutdownNow();
    }
    List<TeamLoad> teams = teamLoads(results);
    return new VerifyResult(api.describe(), start, end, settings.step(), settings.lookback(), baselineRules != null,
        results, teams, VerifyGate.violations(results, teams, settings));
  }

  /** A service whose checks are queued: what {@link #collect} waits for. */
  private record PendingService(VerifyInputs inputs, RecordingInliner inliner, List<Future<List<Finding>>> checks,
      List<Future<AlertResult>> alerts, List<Future<SloResult>> slos) {}

  private PendingService submit(VerifyInputs service, RecordingInliner inliner, RecordingInliner baselineInliner,
      List<LoadedRule> baselineRules, SelectorCheck selectors, WindowCheck windows, Backtest backtest, Instant start,
      Instant end, ExecutorService pool) {
    List<Callable<List<Finding>>> checks = new ArrayList<>();
    List<Callable<AlertResult>> alerts = new ArrayList<>();
    // Everything is inlined here, in one thread: the inliner records what it could not inline.
    for (LoadedRule rule : service.rules()) {
      String element = (rule.isAlert() ? "alert '" : "recording rule '") + rule.name() + "'";
      Expr inlined = inliner.inline(rule.expr());
      checks.add(() -> {
        List<Finding> found = new ArrayList<>(selectors.check(service.service(), element, inlined,
            service.badEvents()));
        found.addAll(windows.check(service.service(), element, inlined));
        return found;
      });
      if (rule.isAlert()) {
        LoadedRule before = baselineRules == null ? null : find(baselineRules, rule);
        Expr beforeInlined = before == null ? null : baselineInliner.inline(before.expr());
        alerts.add(() -> new AlertResult(rule.alert(), rule.labels().getOrDefault("severity", ""),
            backtest.run(rule, inlined, start, end),
            before == null ? null : backtest.run(before, beforeInlined, start, end), false, null));
      }
    }
    if (baselineRules != null) {
      for (LoadedRule before : baselineRules) {
        if (before.isAlert() && before.service().equals(service.service()) && find(service.rules(), before) == null) {
          Expr beforeInlined = baselineInliner.inline(before.expr());
          alerts.add(() -> new AlertResult(before.alert(), before.labels().getOrDefault("severity", ""), null,
              backtest.run(before, beforeInlined, start, end), true, null));
        }
      }
    }
    for (VerifyInputs.PanelQuery panel : service.panels()) {
      String element = "dashboard panel '" + panel.panel() + "'";
      Expr inlined = inliner.inline(panel.expr());
      checks.add(() -> selectors.check(service.service(), element, inlined, service.badEvents()));
    }
    List<Callable<SloResult>> slos = new ArrayList<>();
    for (VerifyInputs.SloTarget slo : service.slos()) {
      Expr ratio = service.rules().stream()
          .filter(r -> "slo:sli_error:ratio_rate5m".equals(r.record()) && slo.name().equals(r.labels().get("slo")))
          .findFirst().map(r -> inliner.inline(r.expr())).orElse(null);
      slos.add(() -> slo(slo, ratio, end));
    }
    return new PendingService(service, inliner, submitAll(pool, checks), submitAll(pool, alerts),
        submitAll(pool, slos));
  }

  private ServiceResult collect(PendingService pending) {
    VerifyInputs service = pending.inputs();
    List<Finding> findings = new ArrayList<>();
    all(pending.checks()).forEach(findings::addAll);
    List<AlertResult> alertResults = new ArrayList<>();
    for (AlertResult alert : all(pending.alerts())) {
      String element = "alert '" + alert.name() + "'";
      String reason = findings.stream()
          .filter(f -> f.element().equals(element) && f.kind().severity() == Finding.Level.ERROR)
          .map(Finding::message).findFirst().orElse(null);
      if (alert.current() != null && !alert.current().evaluable()) {
        String noData = "its expression gave no series in the whole window, so it could not have fired";
        findings.add(new Finding(service.service(), element, Finding.Kind.ALERT_NOT_EVALUABLE, alert.current().query(),
            noData));
        reason = reason != null ? reason : noData;
      }
      alertResults.add(alert.current() == null ? alert : alert.withCannotFire(reason));
    }
    for (String selector : pending.inliner().notInlined()) {
      findings.add(new Finding(service.service(), "recorded series", Finding.Kind.NOT_INLINED, selector,
          selector + " could not be inlined exactly; its recording on the server was read instead"));
    }
    return new ServiceResult(service.service(), service.team(), alertResults, all(pending.slos()),
        dedupe(findings));
  }

  /** @param ratio the SLO's 5m error ratio with its recordings inlined, or {@code null} when it has none */
  private SloResult slo(VerifyInputs.SloTarget slo, Expr ratio, Instant end) {
    double errorRatio = Double.NaN;
    if (ratio != null) {
      // The 5m ratio of rates with its ranges stretched to the window: the ratio of the window's events.
      Expr overWindow = ExprTree.rewrite(ratio, node -> node instanceof MatrixSelector m
          ? new MatrixSelector(m.selector(), settings.window()) : null);
      List<PrometheusApi.Sample> value = api.query(overWindow.toString(), end);
      errorRatio = value.isEmpty() ? Double.NaN : value.get(0).value();
    }
    double budget = (100 - slo.objectivePercent()) / 100;
    double share = (double) settings.window().toMillis() / slo.period().toMillis();
    return new SloResult(slo.name(), slo.objectivePercent(), slo.period(), errorRatio, errorRatio * share / budget);
  }

  private List<TeamLoad> teamLoads(List<ServiceResult> services) {
    Map<String, double[]> load = new TreeMap<>();
    double weeks = (double) settings.window().toMillis() / WEEK.toMillis();
    for (ServiceResult service : services) {
      double[] counts = load.computeIfAbsent(service.team() == null ? "(no team)" : service.team(),
          k -> new double[4]);
      for (AlertResult alert : service.alerts()) {
        int current = alert.current() == null ? 0 : alert.current().episodes().size();
        int before = alert.baseline() == null ? 0 : alert.baseline().episodes().size();
        if (alert.pages()) {
          counts[0] += current;
          counts[2] += before;
        } else if (alert.tickets()) {
          counts[1] += current;
          counts[3] += before;
        }
      }
    }
    List<TeamLoad> teams = new ArrayList<>();
    boolean baseline = services.stream().flatMap(s -> s.alerts().stream()).anyMatch(a -> a.baseline() != null);
    load.forEach((team, c) -> teams.add(new TeamLoad(team, c[0] / weeks, c[1] / weeks,
        baseline ? c[2] / weeks : Double.NaN, baseline ? c[3] / weeks : Double.NaN)));
    return teams;
  }

  private static LoadedRule find(List<LoadedRule> rules, LoadedRule like) {
    return rules.stream().filter(r -> r.isAlert() && r.alert().equals(like.alert())
        && r.service().equals(like.service())).findFirst().orElse(null);
  }

  /**
   * Findings in order, each (kind, subject) once: a selector many rules read is reported under the
   * first, naming a few of the others.
   */
  private static List<Finding> dedupe(List<Finding> findings) {
    Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
    for (Finding finding : findings) {
      bySubject.computeIfAbsent(finding.kind() + "\u0000" + finding.subject(), k -> new ArrayList<>()).add(finding);
    }
    List<Finding> unique = new ArrayList<>();
    for (List<Finding> same : bySubject.values()) {
      Finding first = same.get(0);
      List<String> others = same.stream().skip(1).map(Finding::element).distinct().filter(e -> !e.equals(first.element()))
          .toList();
      String also = others.isEmpty() ? "" : " (also read by " + String.join(", ", others.stream().limit(3).toList())
          + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "") + ")";
      unique.add(new Finding(first.service(), first.element(), first.kind(), first.subject(), first.message() + also));
    }
    return unique;
  }

  private static <T> List<Future<T>> submitAll(ExecutorService pool, List<Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    return futures;
  }

  /** The tasks' results in order; the first failure ends the run (the caller shuts the pool down). */
  private static <T> List<T> all(List<Future<T>> futures) {
    List<T> results = new ArrayList<>();
    try {
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrometheusApiException("verification was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }
}
