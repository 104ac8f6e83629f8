package dev.sredsl.generate.alertmanager;

import dev.sredsl.generate.AlertmanagerSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.testing.ExternalTool;
import dev.sredsl.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerGeneratorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path work;

  private final AlertmanagerGenerator generator = new AlertmanagerGenerator();

  /** Checkout (team payments), search (team discovery), legacy (no owner). */
  private static List<Service> services() {
    return List.of(Fixtures.checkout(), search(), legacy());
  }

  private static Service search() {
    return Fixtures.service("search", s -> s
        .tier(Tier.HIGH)
        .owner(o -> o.team("discovery"))
        .signals(Micrometer.httpServer())
        .slo(Slo.availability(99.5)));
  }

  private static Service legacy() {
    return Fixtures.service("legacy", s -> s.tier(Tier.LOW).signals(Micrometer.httpServer()));
  }

  private Path write(GeneratedFile file) throws IOException {
    Path path = work.resolve(file.path());
    Files.createDirectories(path.getParent());
    Files.write(path, file.content());
    return path;
  }

  /**
   * The receivers amtool resolves the labels to, comma-separated: the last line of its output, since
   * amtool first warns on stderr that {@code --config.file} overrides {@code --alertmanager.url}.
   */
  private static String route(Path config, String... labels) {
    List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config));
    args.addAll(List.of(labels));
    ExternalTool.Run run = ExternalTool.amtool().run(args.toArray(String[]::new));
    assertTrue(run.succeeded(), () -> "amtool config routes test failed:\n" + run.output());
    String[] lines = run.output().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  @Test
  void amtoolAcceptsTheConfiguration() throws IOException {
    Path config = write(generator.generate(services(), AlertmanagerSettings.DEFAULTS));

    ExternalTool.Run run = ExternalTool.amtool().run("check-config", config.toString());

    assertTrue(run.succeeded(), () -> "amtool check-config rejected the file:\n" + run.output());
    assertTrue(run.output().contains("SUCCESS"), run.output());
  }

  @Test
  void routesEachSeverityOfATeamToItsReceiver() throws IOException {
    Path config = write(generator.generate(services(), AlertmanagerSettings.DEFAULTS));

    assertEquals("payments-page", route(config, "severity=critical", "team=payments", "service=checkout", "alertname=X"));
    assertEquals("payments-ticket", route(config, "severity=warning", "team=payments", "service=checkout", "alertname=X"));
    assertEquals("payments-chat", route(config, "severity=info", "team=payments", "service=checkout", "alertname=X"));
    assertEquals("discovery-page", route(config, "severity=critical", "team=discovery", "service=search", "alertname=X"));
    assertEquals("default", route(config, "severity=critical", "service=legacy", "alertname=X"));
    assertEquals("default", route(config, "severity=critical", "team=nobody", "service=legacy", "alertname=X"));
    assertEquals("default", route(config, "severity=unknown", "team=payments", "service=checkout", "alertname=X"));
  }

  @Test
  void amtoolVerifiesTheReceiver() throws IOException {
    Path config = write(generator.generate(services(), AlertmanagerSettings.DEFAULTS));

    ExternalTool.Run right = ExternalTool.amtool().run("config", "routes", "test", "--config.file=" + config,
        "--verify.receivers=payments-ticket", "severity=warning", "team=payments", "service=checkout", "alertname=X");
    ExternalTool.Run wrong = ExternalTool.amtool().run("config", "routes", "test", "--config.file=" + config,
        "--verify.receivers=payments-page", "severity=warning", "team=payments", "service=checkout", "alertname=X");

    assertTrue(right.succeeded(), right::output);
    assertFalse(wrong.succeeded(), wrong::output);
  }

  @Test
  void routesTheLabelsTheRulesGeneratorWrites() throws IOException {
    Path config = write(generator.generate(services(), AlertmanagerSettings.DEFAULTS));

    // The burn-rate alerts carry severity, service, team and slo.
    for (Severity severity : Severity.values()) {
      String expected = AlertmanagerSettings.DEFAULTS.receiver(severity, "payments");
      assertEquals(expected, route(config, "alertname=CheckoutAvailabilityErrorBudgetFastBurn", "service=checkout",
          "team=payments", "slo=availability", "severity=" + severity.label()));
    }
  }

  @Test
  void writesTheExactConfigurationOfASmallCase() {
    Service checkout = Fixtures.service("checkout", s -> s.owner(o -> o.team("payments")));
    Service cart = Fixtures.service("cart", s -> s.owner(o -> o.team("payments")));
    Service billing = Fixtures.service("billing", s -> s.owner(o -> o.team("finance")));
    Service legacy = Fixtures.service("legacy", s -> s.tier(Tier.LOW));

    GeneratedFile file = generator.generate(List.of(checkout, legacy, cart, billing), AlertmanagerSettings.DEFAULTS);

    assertEquals("alertmanager/routes.yml", file.path());
    assertEquals("""
        # Generated by sre-dsl from the services' definitions; edit those, not this file.
        #
        # Routes each team's alerts by severity: critical to {team}-page, warning to {team}-ticket, info to {team}-chat.
        # Everything else goes to default.
        # Services without a team, routed to default: legacy.
        #
        # The receivers are PLACEHOLDERS: each has a name only, which Alertmanager accepts but which
        # notifies nobody. Fill them in where secrets are kept, never in this file: e.g. merge this
        # file with your receiver settings when deploying (Prometheus Operator AlertmanagerConfig,
        # Helm values) or render it into a templated Secret that adds the webhook URLs and keys.

        route:
          receiver: default
          group_by:
            - alertname
            - service
          routes:
            - matchers:
                - team="finance"
              routes:
                - matchers:
                    - severity="critical"
                  receiver: finance-page
                - matchers:
                    - severity="warning"
                  receiver: finance-ticket
                - matchers:
                    - severity="info"
                  receiver: finance-chat
            - matchers:
                - team="payments"
              routes:
                - matchers:
                    - severity="critical"
                  receiver: payments-page
                - matchers:
                    - severity="warning"
                  receiver: payments-ticket
                - matchers:
                    - severity="info"
                  receiver: payments-chat
        inhibit_rules:
          - source_matchers:
              - severity="critical"
              - slo=~".+"
            target_matchers:
              - severity="warning"
              - slo=~".+"
            equal:
              - service
              - slo
        receivers:
          - name: default
          - name: finance-page
          - name: finance-ticket
          - name: finance-chat
          - name: payments-page
          - name: payments-ticket
          - name: payments-chat
        """, file.contentAsString());
  }

  @Test
  void isDeterministicWhateverTheOrderOfTheServices() {
    List<Service> reversed = new ArrayList<>(services());
    java.util.Collections.reverse(reversed);

    assertEquals(generator.generate(services(), AlertmanagerSettings.DEFAULTS),
        generator.generate(reversed, AlertmanagerSettings.DEFAULTS));
  }

  @Test
  void inhibitsTheWarningsOfAnSloWhileItsCriticalAlertFires() throws IOException {
    JsonNode config = YAML.readTree(generator.generate(services(), AlertmanagerSettings.DEFAULTS).contentAsString());

    JsonNode rules = config.path("inhibit_rules");
    assertEquals(1, rules.size(), rules::toString);
    JsonNode rule = rules.get(0);
    assertEquals(List.of("severity=\"critical\"", "slo=~\".+\""), texts(rule.path("source_matchers")));
    assertEquals(List.of("severity=\"warning\"", "slo=~\".+\""), texts(rule.path("target_matchers")));
    assertEquals(List.of("service", "slo"), texts(rule.path("equal")));
  }

  @Test
  void listsEveryReceiverOnceWithoutSecrets() throws IOException {
    JsonNode config = YAML.readTree(generator.generate(services(), AlertmanagerSettings.DEFAULTS).contentAsString());

    List<String> names = new ArrayList<>();
    for (JsonNode receiver : config.path("receivers")) {
      assertEquals(1, receiver.size(), () -> "placeholder receivers have a name only: " + receiver);
      names.add(receiver.path("name").asText());
    }
    assertEquals(List.of("default", "discovery-page", "discovery-ticket", "discovery-chat",
        "payments-page", "payments-ticket", "payments-chat"), names);
    assertFalse(config.has("global"), "no global settings, so no SMTP or API secrets");
  }

  @Test
  void usesTheConfiguredReceiverNames() throws IOException {
    AlertmanagerSettings settings = new AlertmanagerSettings("catch-all", "pagerduty-{team}", " ", "slack-{team}");
    GeneratedFile file = generator.generate(services(), settings);
    Path config = write(file);

    assertEquals("catch-all", route(config, "severity=critical", "service=legacy", "alertname=X"));
    assertEquals("pagerduty-payments", route(config, "severity=critical", "team=payments", "service=checkout", "alertname=X"));
    assertEquals("payments-ticket", route(config, "severity=warning", "team=payments", "service=checkout", "alertname=X"));
    assertEquals("slack-discovery", route(config, "severity=info", "team=discovery", "service=search", "alertname=X"));
    JsonNode tree = YAML.readTree(file.contentAsString());
    assertEquals("catch-all", tree.path("route").path("receiver").asText());
    assertEquals("catch-all", tree.path("receivers").get(0).path("name").asText());
    assertFalse(file.contentAsString().contains("name: default"), file::contentAsString);
  }

  @Test
  void appliesDefaultsForMissingNames() {
    assertEquals(AlertmanagerSettings.DEFAULTS, new AlertmanagerSettings(null, "", "  ", null));
    assertEquals("default", AlertmanagerSettings.DEFAULTS.defaultReceiver());
    assertEquals("{team}-page", AlertmanagerSettings.DEFAULTS.pageReceiver());
    assertEquals("{team}-ticket", AlertmanagerSettings.DEFAULTS.ticketReceiver());
    assertEquals("{team}-chat", AlertmanagerSettings.DEFAULTS.chatReceiver());
    assertEquals("ops-pager", new AlertmanagerSettings(null, " ops-pager ", null, null).receiver(Severity.PAGE, "x"));
  }

  @Test
  void sharesOneReceiverWhenAPatternHasNoTeam() throws IOException {
    AlertmanagerSettings settings = new AlertmanagerSettings(null, "oncall", null, null);
    Path config = write(generator.generate(services(), settings));

    assertTrue(ExternalTool.amtool().run("check-config", config.toString()).succeeded());
    assertEquals("oncall", route(config, "severity=critical", "team=discovery", "service=search", "alertname=X"));
    assertEquals("oncall", route(config, "severity=critical", "team=payments", "service=checkout", "alertname=X"));
    JsonNode tree = YAML.readTree(Files.readString(config));
    long oncall = 0;
    for (JsonNode receiver : tree.path("receivers")) {
      oncall += receiver.path("name").asText().equals("oncall") ? 1 : 0;
    }
    assertEquals(1, oncall);
  }

  @Test
  void quotesTeamNamesThatAreNotPlainWords() throws IOException {
    Service odd = Fixtures.service("odd", s -> s.owner(o -> o.team("data, \"science\"")));
    Path config = write(generator.generate(List.of(odd), AlertmanagerSettings.DEFAULTS));

    ExternalTool.Run check = ExternalTool.amtool().run("check-config", config.toString());
    assertTrue(check.succeeded(), check::output);
    assertEquals("data, \"science\"-page",
        route(config, "severity=critical", "team=\"data, \\\"science\\\"\"", "alertname=X"));
  }

  @Test
  void writesOnlyTheDefaultRouteWithoutTeams() throws IOException {
    Path config = write(generator.generate(List.of(legacy()), AlertmanagerSettings.DEFAULTS));

    ExternalTool.Run check = ExternalTool.amtool().run("check-config", config.toString());
    assertTrue(check.succeeded(), check::output);
    assertEquals("default", route(config, "severity=critical", "service=legacy", "alertname=X"));
  }

  @Test
  void writesTheWorkingHoursOfATeamAsATimeIntervalOfItsWarningRoute() {
    WorkingHours office = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 30)).in("Europe/Berlin");
    Service checkout = Fixtures.service("checkout", s -> s.owner(o -> o.team("payments").workingHours(office)));
    Service cart = Fixtures.service("cart", s -> s.owner(o -> o.team("payments").workingHours(office)));
    Service billing = Fixtures.service("billing", s -> s.owner(o -> o.team("finance")));

    String yaml = generator.generate(List.of(checkout, cart, billing), AlertmanagerSettings.DEFAULTS).contentAsString();

    assertTrue(yaml.contains("# Teams with working hours get warnings only within them"), yaml);
    assertEquals("""
        route:
          receiver: default
          group_by:
            - alertname
            - service
          routes:
            - matchers:
                - team="finance"
              routes:
                - matchers:
                    - severity="critical"
                  receiver: finance-page
                - matchers:
                    - severity="warning"
                  receiver: finance-ticket
                - matchers:
                    - severity="info"
                  receiver: finance-chat
            - matchers:
                - team="payments"
              routes:
                - matchers:
                    - severity="critical"
                  receiver: payments-page
                - matchers:
                    - severity="warning"
                  receiver: payments-ticket
                  active_time_intervals:
                    - payments-working-hours
                - matchers:
                    - severity="info"
                  receiver: payments-chat
        inhibit_rules:
          - source_matchers:
              - severity="critical"
              - slo=~".+"
            target_matchers:
              - severity="warning"
              - slo=~".+"
            equal:
              - service
              - slo
        receivers:
          - name: default
          - name: finance-page
          - name: finance-ticket
          - name: finance-chat
          - name: payments-page
          - name: payments-ticket
          - name: payments-chat
        time_intervals:
          - name: payments-working-hours
            time_intervals:
              - weekdays:
                  - monday:friday
                times:
                  - start_time: "09:00"
                    end_time: "17:30"
                location: Europe/Berlin
        """, yaml.substring(yaml.indexOf("route:")));
  }

  @Test
  void amtoolAcceptsWorkingHoursOfAnyShape() throws IOException {
    Service weekend = Fixtures.service("weekend", s -> s.owner(o -> o.team("data, \"science\" & it's").workingHours(
        WorkingHours.on(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY), LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT).in("America/Argentina/Buenos_Aires"))));
    Service everyDay = Fixtures.service("every-day", s -> s.owner(o -> o.team("ops").workingHours(
        WorkingHours.on(EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0), LocalTime.of(22, 0)).in("UTC"))));
    GeneratedFile file = generator.generate(List.of(weekend, everyDay), AlertmanagerSettings.DEFAULTS);
    Path config = write(file);

    ExternalTool.Run check = ExternalTool.amtool().run("check-config", config.toString());
    assertTrue(check.succeeded(), check::output);
    JsonNode intervals = YAML.readTree(file.contentAsString()).path("time_intervals");
    assertEquals("data, \"science\" & it's-working-hours", intervals.get(0).path("name").asText());
    JsonNode weekendHours = intervals.get(0).path("time_intervals").get(0);
    assertEquals(List.of("sunday", "wednesday", "saturday"), texts(weekendHours.path("weekdays")));
    assertEquals("00:00", weekendHours.at("/times/0/start_time").asText());
    assertEquals("24:00", weekendHours.at("/times/0/end_time").asText());
    assertEquals(List.of("sunday:saturday"), texts(intervals.get(1).at("/time_intervals/0/weekdays")));
    assertEquals("UTC", intervals.get(1).at("/time_intervals/0/location").asText());
    // amtool tests routes by labels only: the warning reaches the ticket receiver whatever the time.
    assertEquals("ops-ticket", route(config, "severity=warning", "team=ops", "alertname=X"));
  }

  @Test
  void writesNoTimeIntervalsWithoutWorkingHours() {
    String yaml = generator.generate(services(), AlertmanagerSettings.DEFAULTS).contentAsString();

    assertFalse(yaml.contains("time_intervals"), yaml);
    assertFalse(yaml.contains("working hours"), yaml);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
