package dev.sredsl.generate.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.generate.AlertmanagerSettings;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.Fixtures;
import dev.sredsl.testing.OutputValidators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing expectations next to {@code routes.yml}: every case passes {@code amtool config routes
 * test} against the generated routes, run one by one and through the README's one-line command, and a
 * wrong case fails both ways.
 */
class RoutingExpectationsTest {

  /** A team name with every character that could split a matcher, a YAML value or a shell word. */
  private static final String HOSTILE_TEAM = "data, \"science\" & it's \\ {ops}";

  private static final WorkingHours BERLIN_OFFICE =
      WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin");

  @TempDir
  Path work;

  /**
   * checkout and cart (team payments, office hours in Berlin), search (team discovery, no working
   * hours), lab (the hostile team, weekends all day in UTC), legacy (no team).
   */
  private static List<Service> services() {
    return List.of(
        Fixtures.service("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
            .owner(o -> o.team("payments").workingHours(BERLIN_OFFICE))
            .slo(Slo.availability(99.9))),
        Fixtures.service("cart", s -> s.tier(Tier.HIGH).owner(o -> o.team("payments").workingHours(BERLIN_OFFICE))),
        Fixtures.service("search", s -> s.tier(Tier.HIGH).signals(Micrometer.httpServer())
            .owner(o -> o.team("discovery")).slo(Slo.availability(99.5).withoutPaging())),
        Fixtures.service("lab", s -> s.tier(Tier.LOW).owner(o -> o.team(HOSTILE_TEAM).workingHours(
            WorkingHours.on(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .in("UTC")))),
        Fixtures.service("legacy", s -> s.tier(Tier.LOW)));
  }

  /** Writes {@code routes.yml} and {@code routes.tests.txt} side by side, as the README's command expects. */
  private Path writeBoth(List<Service> services) throws IOException {
    Files.writeString(work.resolve("routes.yml"),
        new AlertmanagerGenerator().generate(services, AlertmanagerSettings.DEFAULTS).contentAsString());
    Path cases = work.resolve("routes.tests.txt");
    Files.writeString(cases, new RoutingExpectations().generate(services, AlertmanagerSettings.DEFAULTS)
        .contentAsString());
    return cases;
  }

  private static List<String> caseLines(Path cases) throws IOException {
    return Files.readAllLines(cases).stream().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private ExternalTool.Run routesTest(String caseLine) {
    List<String> args = new ArrayList<>(List.of("config", "routes", "test",
        "--config.file=" + work.resolve("routes.yml")));
    args.addAll(shellWords(caseLine));
    return ExternalTool.amtool().run(args.toArray(String[]::new));
  }

  @Test
  void amtoolAcceptsTheRoutesAndEveryExpectation() throws IOException {
    Path cases = writeBoth(services());
    ExternalTool.Run check = ExternalTool.amtool().run("check-config", work.resolve("routes.yml").toString());
    assertTrue(check.succeeded(), check::output);

    List<String> lines = caseLines(cases);
    // 5 services x 3 severities, checkout's availability SLO pages and tickets, search's only tickets.
    assertEquals(5 * 3 + 2 + 1, lines.size(), String.join("\n", lines));
    for (String line : lines) {
      ExternalTool.Run run = routesTest(line);
      assertTrue(run.succeeded(), () -> line + "\n" + run.output());
    }
  }

  @Test
  void aWrongExpectationFails() throws IOException {
    writeBoth(services());

    ExternalTool.Run wrong = routesTest("--verify.receivers=payments-page service=checkout severity=warning team=payments");

    assertFalse(wrong.succeeded(), wrong::output);
    assertTrue(wrong.output().contains("payments-ticket"), wrong::output);
  }

  @Test
  void theReadmeCommandRunsEveryCaseAndFailsOnAWrongOne() throws IOException {
    Path cases = writeBoth(services());
    OutputValidators.amtoolRoutesTests(work);

    String wrong = RoutingExpectations.shellWord("--verify.receivers=default") + " "
        + RoutingExpectations.shellWord(AlertmanagerGenerator.matcher("team", "=", HOSTILE_TEAM))
        + " service=lab severity=critical\n";
    Files.writeString(cases, wrong, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    ExternalTool.Run failing = OutputValidators.routesTestsCommand(work);
    assertEquals(123, failing.exitCode(), failing.output());
    assertTrue(failing.output().contains("Expected receivers did not match"), failing.output());
  }

  @Test
  void writesTheExactCasesOfASmallConfiguration() {
    Service checkout = Fixtures.service("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .owner(o -> o.team("payments").workingHours(BERLIN_OFFICE)).slo(Slo.availability(99.9)));
    Service odd = Fixtures.service("odd", s -> s.tier(Tier.LOW).owner(o -> o.team("it's ops")));
    Service legacy = Fixtures.service("legacy", s -> s.tier(Tier.LOW));

    GeneratedFile file = new RoutingExpectations().generate(List.of(odd, legacy, checkout),
        AlertmanagerSettings.DEFAULTS);

    assertEquals("alertmanager/routes.tests.txt", file.path());
    String body = file.contentAsString().substring(file.contentAsString().indexOf("\n\n") + 2);
    assertEquals("""
        --verify.receivers=payments-page service=checkout severity=critical team=payments
        --verify.receivers=payments-ticket service=checkout severity=warning team=payments
        --verify.receivers=payments-chat service=checkout severity=info team=payments
        --verify.receivers=payments-page alertname=CheckoutAvailabilityErrorBudgetFastBurn service=checkout \
        severity=critical slo=availability team=payments
        --verify.receivers=payments-ticket alertname=CheckoutAvailabilityErrorBudgetSlowBurn service=checkout \
        severity=warning slo=availability team=payments
        --verify.receivers=default service=legacy severity=critical
        --verify.receivers=default service=legacy severity=warning
        --verify.receivers=default service=legacy severity=info
        '--verify.receivers=it'\\''s ops-page' service=odd severity=critical 'team="it'\\''s ops"'
        '--verify.receivers=it'\\''s ops-ticket' service=odd severity=warning 'team="it'\\''s ops"'
        '--verify.receivers=it'\\''s ops-chat' service=odd severity=info 'team="it'\\''s ops"'
        """, body);
    assertTrue(file.contentAsString().contains("#   " + RoutingExpectations.RUN_ALL + "\n"), file::contentAsString);
    assertTrue(file.contentAsString().contains("ignores time intervals"), file::contentAsString);
  }

  @Test
  void leavesOutACaseWhoseReceiverHoldsALineBreak() throws IOException {
    Service odd = Fixtures.service("odd", s -> s.tier(Tier.LOW).owner(o -> o.team("two\nlines")));

    Path cases = writeBoth(List.of(odd));

    String text = Files.readString(cases);
    assertTrue(text.contains("# Left out: the critical case of service odd,"), text);
    assertEquals(List.of(), caseLines(cases), text);
    // Without a case the command runs nothing and succeeds.
    OutputValidators.amtoolRoutesTests(work);
  }

  @Test
  void quotesOnlyWordsTheShellWouldSplitOrChange() {
    assertEquals("severity=critical", RoutingExpectations.shellWord("severity=critical"));
    assertEquals("'team=\"a b\"'", RoutingExpectations.shellWord("team=\"a b\""));
    assertEquals("'it'\\''s'", RoutingExpectations.shellWord("it's"));
    assertEquals("'$HOME'", RoutingExpectations.shellWord("$HOME"));
    assertEquals(List.of("team=\"it's\"", "a b", "x"), shellWords("'team=\"it'\\''s\"' 'a b' x"));
  }

  /** The words of a line as sh and xargs read them: blanks separate, single quotes and backslash quote. */
  private static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      word = word == null ? new StringBuilder() : word;
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '\\') {
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
