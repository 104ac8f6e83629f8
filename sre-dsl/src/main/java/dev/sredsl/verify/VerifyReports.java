package dev.sredsl.verify;

import dev.sredsl.output.GeneratedFile;
import dev.sredsl.generate.MarkdownTables;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.verify.VerifyResult.AlertResult;
import dev.sredsl.verify.VerifyResult.ServiceResult;
import dev.sredsl.verify.VerifyResult.SloResult;
import dev.sredsl.verify.VerifyResult.TeamLoad;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports of {@code sre:verify}: {@code sre-verify.json} (schema {@value #SCHEMA}; fields are only
 * ever added) and {@code sre-verify.md}, for a pull-request comment or a CI step summary, with each
 * service's alert episodes drawn on one Mermaid timeline. Times are UTC; nothing in either file
 * depends on the machine that wrote it.
 */
public final class VerifyReports {

  public static final String SCHEMA = "sre-dsl/verify/v1";
  public static final String JSON_FILE = "sre-verify.json";
  public static final String MARKDOWN_FILE = "sre-verify.md";

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private VerifyReports() {}

  /** Both reports: the JSON, then the Markdown. */
  public static List<GeneratedFile> write(VerifyResult result) {
    return List.of(GeneratedFile.text(JSON_FILE, dev.sredsl.generate.Json.write(json(result))),
        GeneratedFile.text(MARKDOWN_FILE, markdown(result)));
  }

  static Map<String, Object> json(VerifyResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("server", r.server());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", r.start().toString());
    window.put("end", r.end().toString());
    window.put("step", PromDuration.format(r.step()));
    window.put("lookback", PromDuration.format(r.lookback()));
    root.put("window", window);
    root.put("baseline", r.baseline());
    List<Object> services = new ArrayList<>();
    for (ServiceResult service : r.services()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", service.name());
      s.put("team", service.team());
      List<Object> alerts = new ArrayList<>();
      for (AlertResult alert : service.alerts()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", alert.name());
        a.put("severity", alert.severity());
        a.put("status", alert.removed() ? "removed" : alert.cannotFire() != null ? "cannot_fire" : "evaluated");
        a.put("cannot_fire", alert.cannotFire());
        a.put("current", backtest(alert.current(), r.start()));
        a.put("baseline", backtest(alert.baseline(), r.start()));
        alerts.add(a);
      }
      s.put("alerts", alerts);
      List<Object> slos = new ArrayList<>();
      for (SloResult slo : service.slos()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", slo.name());
        o.put("objective_percent", slo.objectivePercent());
        o.put("period", PromDuration.format(slo.period()));
        o.put("error_ratio", finite(slo.errorRatio()));
        o.put("budget_spent", finite(slo.budgetSpent()));
        slos.add(o);
      }
      s.put("slos", slos);
      List<Object> findings = new ArrayList<>();
      for (Finding finding : service.findings()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("element", finding.element());
        f.put("kind", finding.kind().name());
        f.put("severity", finding.kind().severity().name());
        f.put("subject", finding.subject());
        f.put("message", finding.message());
        findings.add(f);
      }
      s.put("findings", findings);
      services.add(s);
    }
    root.put("services", services);
    List<Object> teams = new ArrayList<>();
    for (TeamLoad team : r.teams()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("team", team.team());
      t.put("pages_per_week", round(team.pagesPerWeek()));
      t.put("tickets_per_week", round(team.ticketsPerWeek()));
      t.put("baseline_pages_per_week", finite(round(team.baselinePagesPerWeek())));
      t.put("baseline_tickets_per_week", finite(round(team.baselineTicketsPerWeek())));
      teams.add(t);
    }
    root.put("teams", teams);
    root.put("violations", r.violations());
    return root;
  }

  private static Map<String, Object> backtest(Backtest.Replay result, Instant windowStart) {
    if (result == null) {
      return null;
    }
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("query", result.query());
    b.put("evaluable", result.evaluable());
    b.put("episode_count", result.episodes().size());
    b.put("firing_seconds", result.firing(windowStart).toSeconds());
    List<Object> episodes = new ArrayList<>();
    for (Episode episode : result.episodes()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("start", Instant.ofEpochMilli(episode.startMillis()).toString());
      e.put("end", Instant.ofEpochMilli(episode.endMillis()).toString());
      e.put("duration_seconds", episode.duration().toSeconds());
      e.put("ongoing", episode.ongoing());
      e.put("peak", finite(episode.peak()));
      e.put("labels", new java.util.TreeMap<>(episode.labels()));
      episodes.add(e);
    }
    b.put("episodes", episodes);
    return b;
  }

  static String markdown(VerifyResult r) {
    StringBuilder md = new StringBuilder("## SRE verify\n\n");
    md.append("Backtest of every alert against ").append(MarkdownTables.cell(r.server())).append(" from ")
        .append(MINUTE.format(r.start())).append(" to ").append(MINUTE.format(r.end())).append(" UTC (")
        .append(PromDuration.format(r.window())).append(", evaluated every ").append(PromDuration.format(r.step()))
        .append(")").append(r.baseline() ? ", beside the baseline's rules" : "").append(".\n\n");
    md.append("| Team | Pages per week | Tickets per week |\n|---|---:|---:|\n");
    for (TeamLoad team : r.teams()) {
      md.append("| ").append(MarkdownTables.cell(team.team())).append(" | ")
          .append(change(team.baselinePagesPerWeek(), team.pagesPerWeek())).append(" | ")
          .append(change(team.baselineTicketsPerWeek(), team.ticketsPerWeek())).append(" |\n");
    }
    md.append('\n');
    if (r.violations().isEmpty()) {
      md.append("All verify checks are met.\n");
    } else {
      md.append("### Violations\n\n");
      r.violations().forEach(v -> md.append("- ").append(MarkdownTables.cell(v)).append('\n'));
    }
    for (ServiceResult service : r.services()) {
      service(md, service, r);
    }
    return md.toString();
  }

  private static void service(StringBuilder md, ServiceResult service, VerifyResult r) {
    md.append("\n### ").append(MarkdownTables.cell(service.name())).append("\n\n");
    md.append("| Alert | Severity | Fired | Firing time |").append(r.baseline() ? " Before |" : "")
        .append("\n|---|---|---:|---:|").append(r.baseline() ? "---:|" : "").append('\n');
    for (AlertResult alert : service.alerts()) {
      md.append("| ").append(MarkdownTables.cell(alert.name())).append(" | ").append(MarkdownTables.cell(alert.severity())).append(" | ");
      if (alert.removed()) {
        md.append("removed | |");
      } else if (alert.cannotFire() != null) {
        md.append("**cannot fire** | |");
      } else {
        md.append(alert.current().episodes().size()).append(" | ").append(duration(alert.current().firing(r.start())))
            .append(" |");
      }
      if (r.baseline()) {
        md.append(' ').append(alert.baseline() == null ? "new" : alert.baseline().episodes().size() + " fired, "
            + duration(alert.baseline().firing(r.start()))).append(" |");
      }
      md.append('\n');
    }
    if (!service.slos().isEmpty()) {
      md.append("\n| SLO | Objective | Error ratio in the window | Budget of the period spent |\n|---|---:|---:|---:|\n");
      for (SloResult slo : service.slos()) {
        md.append("| ").append(MarkdownTables.cell(slo.name())).append(" | ").append(number(slo.objectivePercent())).append("% over ")
            .append(PromDuration.format(slo.period())).append(" | ").append(percent(slo.errorRatio(), 3)).append(" | ")
            .append(percent(slo.budgetSpent(), 1)).append(" |\n");
      }
    }
    gantt(md, service, r);
    if (!service.findings().isEmpty()) {
      md.append("\n| Element | Finding |\n|---|---|\n");
      for (Finding finding : service.findings()) {
        md.append("| ").append(MarkdownTables.cell(finding.element())).append(" | ").append(finding.kind().severity().name())
            .append(": ").append(MarkdownTables.cell(finding.message())).append(" |\n");
      }
    }
  }

  /** Every episode of the service's alerts on one timeline; Mermaid draws it on GitHub. */
  private static void gantt(StringBuilder md, ServiceResult service, VerifyResult r) {
    boolean any = service.alerts().stream().anyMatch(a -> a.current() != null && !a.current().episodes().isEmpty());
    if (!any) {
      return;
    }
    md.append("\n```mermaid\ngantt\n    title ").append(mermaid(service.name())).append(" alerts, ")
        .append(MINUTE.format(r.start())).append(" to ").append(MINUTE.format(r.end())).append(" UTC\n")
        .append("    dateFormat YYYY-MM-DDTHH:mm\n    axisFormat %m-%d %H:%M\n");
    for (AlertResult alert : service.alerts()) {
      if (alert.current() == null || alert.current().episodes().isEmpty()) {
        continue;
      }
      md.append("    section ").append(mermaid(alert.name())).append('\n');
      for (Episode episode : alert.current().episodes()) {
        long start = Math.max(episode.startMillis(), r.start().toEpochMilli());
        long minutes = Math.max(1, (episode.endMillis() - start) / 60_000);
        md.append("    ").append(mermaid(alert.severity().isEmpty() ? "firing" : alert.severity())).append(" :")
            .append(alert.pages() ? "crit, " : "")
            .append(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(start)))
            .append(", ").append(minutes).append("m\n");
      }
    }
    md.append("```\n");
  }

  private static String change(double before, double now) {
    return Double.isNaN(before) ? number(now) : number(before) + " -> " + number(now);
  }

  private static String duration(Duration duration) {
    return duration.isZero() ? "0" : PromDuration.format(Duration.ofMinutes(Math.max(1, duration.toMinutes())));
  }

  private static String number(double value) {
    return dev.sredsl.generate.Numbers.format(Math.round(value * 10) / 10.0);
  }

  private static String percent(double ratio, int decimals) {
    return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f%%", ratio * 100);
  }

  private static Double round(double value) {
    return Double.isNaN(value) ? Double.NaN : Math.round(value * 100) / 100.0;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }


  /** Mermaid task and section names end at ':' and '#' and line breaks. */
  private static String mermaid(String text) {
    return text.replaceAll("[:#;\\r\\n]", " ");
  }
}
