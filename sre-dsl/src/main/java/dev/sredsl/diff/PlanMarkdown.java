package dev.sredsl.diff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as Markdown for a pull-request comment or a CI step summary: one line when nothing changed;
 * else the changes that reduce protection first, then each changed service by area, PromQL in
 * collapsible sections. A plan longer than a GitHub comment may be ({@value #LIMIT} characters, less
 * room for a workflow's own line) is summarised: the risks, then each service's changes counted by area.
 */
public final class PlanMarkdown {

  /** GitHub's limit on a comment's length, in characters. */
  public static final int LIMIT = 65_536;
  /**
   * The longest plan this writes: below {@link #LIMIT}, so that a workflow may add a line of its own
   * (a marker to find its earlier comment, a link to the run) and still post it.
   */
  public static final int BUDGET = LIMIT - 1_024;
  /** The line of an empty plan. */
  public static final String NO_CHANGE = "No monitoring change.";

  private static final int RISK_LINES_WHEN_SUMMARISED = 200;

  private PlanMarkdown() {}

  public static String render(Plan plan) {
    if (plan.isEmpty()) {
      StringBuilder out = new StringBuilder(NO_CHANGE).append('\n');
      unused(plan, out);
      return out.toString();
    }
    String full = render(plan, false);
    if (full.length() <= BUDGET) {
      return full;
    }
    String text = render(plan, true);
    if (text.length() > BUDGET) {
      // Thousands of services: keep the head, which holds the risks, within the limit.
      String tail = "\n… cut at GitHub's comment limit; every change is in sre-diff.json.\n";
      int cut = text.lastIndexOf('\n', BUDGET - tail.length() - 1);
      text = text.substring(0, cut + 1) + tail;
    }
    return text;
  }

  private static String render(Plan plan, boolean summarised) {
    StringBuilder out = new StringBuilder();
    out.append("## Monitoring plan\n\n").append(headline(plan)).append("\n\n");
    if (!plan.risks().isEmpty()) {
      out.append("### ⚠️ Changes that reduce protection\n\n");
      int shown = 0;
      for (RiskFinding risk : plan.risks()) {
        if (summarised && shown == RISK_LINES_WHEN_SUMMARISED) {
          out.append("- … and ").append(plan.risks().size() - shown).append(" more, in sre-diff.json\n");
          break;
        }
        out.append("- **").append(risk.risk().phrase()).append("** in ").append(MarkdownText.inline(risk.service()))
            .append(": ").append(risk.text());
        if (risk.isAcknowledged()) {
          out.append(" (acknowledged: ").append(MarkdownText.inline(risk.acknowledgement())).append(')');
        }
        out.append('\n');
        shown++;
      }
      out.append('\n');
    }
    for (Plan.ServiceChanges service : plan.services()) {
      out.append("### ").append(MarkdownText.inline(service.service()));
      if (service.status() != ChangeKind.CHANGED) {
        out.append(" (").append(service.status() == ChangeKind.ADDED ? "new service" : "service removed").append(')');
      }
      out.append("\n\n");
      if (summarised) {
        counts(service, out);
      } else {
        changes(service, out);
      }
    }
    if (summarised) {
      out.append("The whole plan is longer than a pull-request comment may be; every change is in sre-diff.json.\n\n");
    }
    unused(plan, out);
    return out.toString().stripTrailing() + "\n";
  }

  private static String headline(Plan plan) {
    int unacknowledged = plan.unacknowledgedRisks().size();
    StringBuilder line = new StringBuilder();
    line.append(plan.changeCount()).append(plan.changeCount() == 1 ? " change" : " changes").append(" in ")
        .append(plan.services().size()).append(" of ").append(plan.servicesCompared())
        .append(plan.servicesCompared() == 1 ? " service" : " services").append(" against the baseline; ");
    if (plan.risks().isEmpty()) {
      line.append("none reduces protection.");
    } else {
      line.append(plan.risks().size()).append(plan.risks().size() == 1 ? " reduces" : " reduce")
          .append(" protection");
      if (unacknowledged < plan.risks().size()) {
        line.append(", ").append(plan.risks().size() - unacknowledged).append(" of them acknowledged");
      }
      line.append('.');
    }
    return line.toString();
  }

  private static void changes(Plan.ServiceChanges service, StringBuilder out) {
    Area area = null;
    List<String[]> code = new ArrayList<>();
    for (Change change : service.changes()) {
      if (change.area() != area) {
        if (area != null) {
          out.append('\n');
        }
        area = change.area();
        out.append("**").append(area.title()).append("**\n\n");
      }
      out.append("- ").append(change.kind().word()).append(' ').append(element(change));
      if (!change.note().isEmpty()) {
        out.append(" (").append(MarkdownText.inline(change.note())).append(')');
      }
      out.append('\n');
      for (Change.Detail detail : change.details()) {
        out.append("  - ").append(MarkdownText.inline(detail.field()));
        if (detail.code()) {
          out.append(": ").append(detail.before() == null ? "PromQL below" : detail.after() == null
              ? "removed" : "changed, PromQL below").append('\n');
          if (detail.before() != null && detail.after() != null) {
            code.add(new String[] {element(change) + " before", detail.before()});
            code.add(new String[] {element(change) + " after", detail.after()});
          } else if (detail.after() != null) {
            code.add(new String[] {element(change), detail.after()});
          }
        } else if (detail.before() != null && detail.after() != null) {
          out.append(": ").append(MarkdownText.inline(detail.before())).append(" → ")
              .append(MarkdownText.inline(detail.after())).append('\n');
        } else if (detail.after() != null) {
          out.append(change.kind() == ChangeKind.CHANGED ? ", added: " : ": ")
              .append(MarkdownText.inline(detail.after())).append('\n');
        } else {
          out.append(", removed: ").append(MarkdownText.inline(detail.before())).append('\n');
        }
      }
    }
    out.append('\n');
    if (!code.isEmpty()) {
      out.append("<details>\n<summary>PromQL of ").append(MarkdownText.inline(service.service())).append(" (")
          .append(code.size()).append(code.size() == 1 ? " query" : " queries").append(")</summary>\n\n");
      for (String[] block : code) {
        out.append(block[0]).append(":\n\n").append(MarkdownText.fence("promql", block[1])).append('\n');
      }
      out.append("</details>\n\n");
    }
  }

  /** An element as the plan names it: identifiers in code, titles as text. */
  private static String element(Change change) {
    return switch (change.area()) {
      case ALERTS, RUNBOOKS, RECORDING_RULES, SLOS, COVERAGE -> MarkdownText.code(change.element());
      default -> MarkdownText.inline(change.element());
    };
  }

  private static void counts(Plan.ServiceChanges service, StringBuilder out) {
    Map<Area, int[]> counts = new EnumMap<>(Area.class);
    for (Change change : service.changes()) {
      counts.computeIfAbsent(change.area(), a -> new int[3])[change.kind().ordinal()]++;
    }
    counts.forEach((area, n) -> {
      List<String> parts = new ArrayList<>();
      for (ChangeKind kind : ChangeKind.values()) {
        if (n[kind.ordinal()] > 0) {
          parts.add(n[kind.ordinal()] + " " + kind.word().toLowerCase(Locale.ROOT));
        }
      }
      out.append("- ").append(area.title()).append(": ").append(String.join(", ", parts)).append('\n');
    });
    out.append('\n');
  }

  private static void unused(Plan plan, StringBuilder out) {
    if (plan.unusedAcknowledgements().isEmpty()) {
      return;
    }
    out.append('\n').append("Risk acknowledgements that match no risky change, which can be removed: ");
    List<String> items = plan.unusedAcknowledgements().stream().map(MarkdownText::inline).toList();
    out.append(String.join(", ", items)).append(".\n");
  }
}
