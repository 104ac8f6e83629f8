package dev.sredsl.generate.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.dsl.Conditions;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookGeneratorTest {

  private static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com/docs",
      "https://grafana.example.com", Map.of(), null, null, null, null);

  @TempDir
  Path work;

  private static String runbook(List<GeneratedFile> files, String service) {
    return files.stream().filter(f -> f.path().equals("runbooks/" + service + ".md")).findFirst().orElseThrow()
        .contentAsString();
  }

  private static List<GeneratedFile> generate(Service service, File templates) {
    return new RunbookGenerator().generate(List.of(service), SETTINGS, templates);
  }

  /** GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
  private static List<String> anchors(String markdown) {
    List<String> anchors = new ArrayList<>();
    Node document = Parser.builder().build().parse(markdown);
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }
        });
        anchors.add(text.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
      }
    });
    return anchors;
  }

  @Test
  void everyAlertsRunbookUrlPointsAtAHeadingOfTheRunbook() {
    Service service = Fixtures.everything();
    List<String> anchors = anchors(runbook(generate(service, null), service.name()));

    List<PrometheusRulesGenerator.GeneratedAlert> alerts = PrometheusRulesGenerator.alerts(service, SETTINGS);
    // Four burn-rate alerts (two SLOs), and the two missing-data alerts.
    assertEquals(service.alerts().size() + 6, alerts.size());
    for (PrometheusRulesGenerator.GeneratedAlert alert : alerts) {
      String url = alert.annotations().get("runbook_url");
      assertTrue(url.startsWith("https://runbooks.example.com/docs/everything.md#"), url);
      assertTrue(anchors.contains(url.substring(url.indexOf('#') + 1)), url + " not among " + anchors);
    }
  }

  @Test
  void theRunbookHasOwnerSlosDependenciesAndOrderedSectionsWithSafeStepsFirst() {
    String markdown = runbook(generate(Fixtures.checkout(), null), "checkout");

    assertTrue(markdown.contains("| Escalation | payments-secondary |"), markdown);
    assertTrue(markdown.contains("| availability | 99.9% | 30d | 0.1% | requests that fail on the server side |"),
        markdown);
    assertTrue(markdown.contains("- **orders-db** (database)"), markdown);
    assertTrue(markdown.contains("- [Dashboard](https://grafana.example.com/d/checkout)"), markdown);
    String section = markdown.substring(markdown.indexOf("## CheckoutHighErrorRate"));
    assertTrue(section.contains("### Symptoms\n\n- HTTP 500 at payment confirmation\\.\n".replace("\\.", ".")), section);
    assertTrue(section.indexOf("- Roll back.") < section.indexOf("- **Risky:** Restart pods. *Risk:* Drops in-flight"
        + " payments."), section);
    assertTrue(section.contains("1. Split the errors by uri."), section);
  }

  @Test
  void aBurnRateAlertsRunbookSaysItsRecordedWindowsStartAtDeploymentAndHowToBackfill() {
    String recorded = runbook(generate(Fixtures.checkout(), null), "checkout");
    String fast = recorded.substring(recorded.indexOf("## CheckoutAvailabilityErrorBudgetFastBurn"));
    fast = fast.substring(0, fast.indexOf("\n## ", 3));
    assertTrue(fast.contains("4. If the rules were first deployed less than 3d ago, the SLO's windows hold only the"
        + " time since, as they are averaged from 5-minute recordings, unless that history was backfilled with"
        + " promtool tsdb create-blocks-from rules and backfill/checkout.rules.yml.\n"), fast);

    String raw = new RunbookGenerator().generate(List.of(Fixtures.checkout()),
        SETTINGS.withSloWindowForm(SloWindowForm.RAW), null).stream()
        .filter(f -> f.path().equals("runbooks/checkout.md")).findFirst().orElseThrow().contentAsString();
    String rawFast = raw.substring(raw.indexOf("## CheckoutAvailabilityErrorBudgetFastBurn"));
    rawFast = rawFast.substring(0, rawFast.indexOf("\n## ", 3));
    assertFalse(rawFast.contains("first deployed"), rawFast);
  }

  @Test
  void theOwnerTableSaysWhenTicketsReachTheTeam() {
    Service office = Fixtures.service("office", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(
        WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin"))));
    Service anyTime = Fixtures.service("any-time", s -> s.tier(Tier.LOW).owner(o -> o.team("payments")));

    assertTrue(runbook(generate(office, null), "office")
        .contains("| Tickets | within working hours, Mon-Fri 09:00-17:00 Europe/Berlin |"));
    assertTrue(runbook(generate(anyTime, null), "any-time").contains("| Tickets | at any time |"));
  }

  @Test
  void anAlertThatKeepsFiringSaysSoBesideItsWait() {
    Service pool = Fixtures.service("pool", s -> s.tier(Tier.LOW)
        .saturation(dev.sredsl.presets.Hikari.pool("orders"))
        .alert("PoolExhausted", a -> a.when(Conditions.signal("hikari-orders").above(0.9))
            .lasting("5m").keepFiringFor("10m").severity(Severity.PAGE))
        .alert("PoolBusy", a -> a.when(Conditions.signal("hikari-orders").above(0.8))
            .lasting("5m").severity(Severity.TICKET)));

    String markdown = runbook(generate(pool, null), "pool");

    assertTrue(markdown.contains("**Severity:** critical (pages the on-call engineer). Fires after the condition"
        + " holds for 5m. Keeps firing for 10m after the condition clears, so a flapping signal raises one"
        + " alert.\n"), markdown);
    assertTrue(markdown.contains("**Severity:** warning. Fires after the condition holds for 5m.\n"), markdown);
  }

  @Test
  void hostileTextStaysTextAndCannotBreakTheDocument() {
    String hostile = "a | b # c `code` <script>alert(1)</script> *x* [l](http://e) \n- new line\r\n1. item";
    Service service = Fixtures.service("hostile", s -> s.tier(Tier.LOW)
        .description(hostile)
        .owner(o -> o.team("t|eam").chat(hostile))
        .alert("HostileAlert", a -> a.when(Conditions.promql("vector(1) > 0")).severity(Severity.PAGE)
            .summary(hostile).description(hostile)
            .runbook(r -> r.symptoms(hostile).diagnose(hostile).mitigate(Step.risky(hostile, hostile))
                .escalate(hostile))));

    String markdown = runbook(generate(service, null), "hostile");
    Node document = Parser.builder().extensions(List.of()).build().parse(markdown);
    List<String> texts = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        texts.add(text.getLiteral());
      }
    });
    String expected = hostile.replace("\r\n", " ").replace('\n', ' ');
    long verbatim = texts.stream().filter(t -> t.contains(expected)).count();
    assertTrue(verbatim >= 6, "the text should survive verbatim in every place:\n" + markdown + "\n" + texts);
    assertFalse(markdown.contains("<script>"), markdown);
    assertEquals(List.of("runbook-hostile", "alerts", "hostilealert", "symptoms", "diagnosis", "mitigation",
        "escalation"), anchors(markdown), "no heading may come from the user's text");
  }

  @Test
  void aTemplateInTheTeamsFolderReplacesTheDefaultAndTheOthersStay() throws IOException {
    Files.writeString(work.resolve("runbook.md.ftl"), "# ${service.name} (custom)\n<#list alerts as a>\n## ${a.name}\n</#list>\n");

    List<GeneratedFile> files = generate(Fixtures.checkout(), work.toFile());

    assertTrue(runbook(files, "checkout").startsWith("# checkout (custom)\n"));
    String index = files.stream().filter(f -> f.path().equals("runbooks/README.md")).findFirst().orElseThrow()
        .contentAsString();
    assertTrue(index.startsWith("# Runbooks\n"), index);
  }

  @Test
  void aTemplateThatTriesToRunACommandIsRejectedWithoutRunningIt() throws IOException {
    Path marker = work.resolve("pwned");
    Files.writeString(work.resolve("runbook.md.ftl"), "# Runbook\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>\n"
        + "${ex(\"touch " + marker + "\")}\n");

    DefinitionException e = assertThrows(DefinitionException.class, () -> generate(Fixtures.checkout(), work.toFile()));

    String message = e.problems().get(0).toString();
    assertTrue(message.startsWith("service 'checkout', template 'runbook.md.ftl': line 2, column 1:"), message);
    assertTrue(message.contains("not allowed"), message);
    assertFalse(Files.exists(marker), "the command ran");
  }

  @Test
  void aTemplateCannotReachJavaOrFilesOutsideItsFolder() throws IOException {
    for (String attack : List.of("${service?api.getClass().getName()}", "<#include \"/etc/passwd\">",
        "<#include \"../../../../etc/passwd\">", "${statics[\"java.lang.System\"].exit(1)}")) {
      Files.writeString(work.resolve("runbook.md.ftl"), attack + "\n");

      DefinitionException e = assertThrows(DefinitionException.class, () -> generate(Fixtures.checkout(), work.toFile()),
          attack);

      assertTrue(e.problems().get(0).toString().startsWith("service 'checkout', template 'runbook.md.ftl': line 1,"),
          e.problems().get(0).toString());
    }
  }

  @Test
  void aBrokenTemplateNamesTheTemplateLineAndColumn() throws IOException {
    Files.writeString(work.resolve("index.md.ftl"), "# Index\n\n<#list services as s>\n${s.nope.deeper}\n</#list>\n");

    DefinitionException e = assertThrows(DefinitionException.class, () -> generate(Fixtures.checkout(), work.toFile()));

    String message = e.problems().get(0).toString();
    assertTrue(message.startsWith("template 'index.md.ftl': line 4, column 3:"), message);
  }
}
