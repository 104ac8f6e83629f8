package dev.sredsl.diff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alertmanager's routing rules, one at a time, on hand-written configurations. */
class AlertmanagerRoutesTest {

  private static AlertmanagerRoutes routes(String yaml) {
    return AlertmanagerRoutes.parse(yaml, "routes.yml");
  }

  /** The receivers of a configuration whose only child route has the one matcher entry. */
  private static List<String> withMatcher(String matcher, Map<String, String> labels) {
    return routes("""
        route:
          receiver: default
          routes:
            - receiver: matched
              matchers:
                - '%s'
        """.formatted(matcher.replace("'", "''"))).receivers(labels);
  }

  private static boolean matches(String matcher, Map<String, String> labels) {
    return withMatcher(matcher, labels).equals(List.of("matched"));
  }

  @Test
  void theRootTakesEveryAlert() {
    AlertmanagerRoutes routes = routes("route:\n  receiver: default\n");
    assertEquals(List.of("default"), routes.receivers(Map.of()));
    assertEquals(List.of("default"), routes.receivers(Map.of("team", "payments", "severity", "critical")));
  }

  @Test
  void theFirstMatchingChildTakesTheAlertAndTheLaterOnesAreNotTried() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - matchers: [team="payments"]
              receiver: first
            - matchers: [severity="critical"]
              receiver: second
        """);
    assertEquals(List.of("first"), routes.receivers(Map.of("team", "payments", "severity", "critical")));
    assertEquals(List.of("second"), routes.receivers(Map.of("team", "search", "severity", "critical")));
    assertEquals(List.of("default"), routes.receivers(Map.of("team", "search")));
  }

  @Test
  void continueTriesTheLaterSiblingsToo() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - matchers: [team="payments"]
              receiver: audit
              continue: true
            - matchers: [severity="critical"]
              receiver: pager
              continue: true
            - matchers: [severity=~"critical|warning"]
              receiver: ticket
            - receiver: never
        """);
    assertEquals(List.of("audit", "pager", "ticket"),
        routes.receivers(Map.of("team", "payments", "severity", "critical")));
    assertEquals(List.of("audit", "never"), routes.receivers(Map.of("team", "payments")));
    // A continuing route that does not match does not count as a match: the catch-all still follows.
    assertEquals(List.of("never"), routes.receivers(Map.of("team", "search")));
  }

  @Test
  void theSameReceiverTwiceIsNotifiedTwice() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - receiver: chat
              continue: true
            - receiver: chat
        """);
    assertEquals(List.of("chat", "chat"), routes.receivers(Map.of()));
  }

  @Test
  void aRouteWithoutAMatchingChildHandlesTheAlertItself() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - matchers: [team="payments"]
              receiver: payments
              routes:
                - matchers: [severity="critical"]
                  receiver: payments-page
                - matchers: [severity="warning"]
                  routes:
                    - matchers: [slo="availability"]
                      receiver: payments-slo
        """);
    assertEquals(List.of("payments-page"), routes.receivers(Map.of("team", "payments", "severity", "critical")));
    assertEquals(List.of("payments"), routes.receivers(Map.of("team", "payments", "severity", "info")));
    // The warning route has no receiver of its own and no matching child: the team's receiver, inherited.
    assertEquals(List.of("payments"), routes.receivers(Map.of("team", "payments", "severity", "warning")));
    assertEquals(List.of("payments-slo"),
        routes.receivers(Map.of("team", "payments", "severity", "warning", "slo", "availability")));
  }

  @Test
  void childrenInheritTheReceiverThroughSeveralLevels() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - matchers: [team="payments"]
              routes:
                - matchers: [severity="critical"]
                  routes:
                    - matchers: [region="eu"]
        """);
    assertEquals(List.of("default"),
        routes.receivers(Map.of("team", "payments", "severity", "critical", "region", "eu")));
    RouteNode deepest = routes.root().children().get(0).children().get(0).children().get(0);
    assertEquals("default", deepest.receiver());
    assertEquals("route.routes[0].routes[0].routes[0]", deepest.path());
  }

  @ParameterizedTest(name = "{0} against {1}={2}: {3}")
  @CsvSource(delimiter = ';', textBlock = """
      team="payments" ; team ; payments ; true
      team="payments" ; team ; payment ; false
      team!="payments" ; team ; search ; true
      team!="payments" ; team ; payments ; false
      team=~"pay.*" ; team ; payments ; true
      team=~"pay" ; team ; payments ; false
      team=~"ments" ; team ; payments ; false
      team=~"a|payments" ; team ; payments ; true
      team!~"pay.*" ; team ; payments ; false
      team!~"pay" ; team ; payments ; true
      team=payments ; team ; payments ; true
      team=~pay.+ ; team ; payments ; true
      '  team  =   "payments"  ' ; team ; payments ; true
      team = payments ; team ; payments ; true
      team="a b" ; team ; a b ; true
      '{team="payments"}' ; team ; payments ; true
      team="Payments" ; team ; payments ; false
      team=~"(?i)PAYMENTS" ; team ; payments ; true
      team=~"[[:alpha:]]+" ; team ; payments ; true
      team=~"[[:digit:]]+" ; team ; payments ; false
      team=~"\\w+" ; team ; payments ; true
      team=~"\\d+" ; team ; 123 ; true
      team=~"[]a]+" ; team ; ]a] ; true
      team=~"[a[]+" ; team ; a[a ; true
      team=~"\\p{Greek}+" ; team ; αβγ ; true
      team=~"(?P<n>x)y" ; team ; xy ; true
      team=~"a)|(b" ; team ; a ; true
      team=~"a)|(b" ; team ; b ; true
      team=~"a)|(b" ; team ; a)|(b ; false
      """)
  void eachOperatorAndSpellingOfAMatcher(String matcher, String label, String value, boolean matches) {
    assertEquals(matches, matches(matcher, Map.of(label, value)));
  }

  @Test
  void regexesMatchTheWholeValueAndDotStopsAtLineBreaks() {
    assertFalse(matches("team=~\"a\"", Map.of("team", "ab")));
    assertFalse(matches("team=~\"b\"", Map.of("team", "ab")));
    assertFalse(matches("team=~\"a|b\"", Map.of("team", "ab")), "the alternation is inside the anchors");
    assertTrue(matches("team=~\"a.*\"", Map.of("team", "a b")));
    assertFalse(matches("team=~\"a.*\"", Map.of("team", "a\nb")), "RE2's . does not match a line feed");
    assertTrue(matches("team=~\"(?s)a.*\"", Map.of("team", "a\nb")));
    assertTrue(matches("team=~\"a.b\"", Map.of("team", "a\rb")), "only \\n ends a line in RE2");
    assertFalse(matches("team=~\"a$\"", Map.of("team", "a\n")), "$ is the end of the text in RE2");
  }

  @Test
  void anAbsentLabelIsTheEmptyString() {
    Map<String, String> none = Map.of("severity", "critical");
    assertTrue(matches("team=\"\"", none));
    assertTrue(matches("team=", none));
    assertTrue(matches("team!~\".+\"", none));
    assertTrue(matches("team=~\".*\"", none));
    assertTrue(matches("team!=\"payments\"", none));
    assertFalse(matches("team=~\".+\"", none));
    assertFalse(matches("team!=\"\"", none));
    assertTrue(matches("team=\"\"", Map.of("team", "")), "an empty value is the same as none");
  }

  @Test
  void escapesInQuotedValues() {
    assertTrue(matches("team=\"say \\\"hi\\\"\"", Map.of("team", "say \"hi\"")));
    assertTrue(matches("team=\"back\\\\slash\"", Map.of("team", "back\\slash")));
    assertTrue(matches("team=\"two\\nlines\"", Map.of("team", "two\nlines")));
    assertTrue(matches("team=\"keep \\t as is\"", Map.of("team", "keep \\t as is")), "an unknown escape is literal");
    assertTrue(matches("team=\"a, b\"", Map.of("team", "a, b")), "a comma inside quotes is part of the value");
    assertTrue(matches("team=\"  padded  \"", Map.of("team", "  padded  ")), "spaces inside quotes are kept");
    assertTrue(matches("team=~\"a\\\\.b\"", Map.of("team", "a.b")));
    assertFalse(matches("team=~\"a\\\\.b\"", Map.of("team", "axb")));
  }

  @Test
  void oneEntryMayHoldSeveralMatchersSeparatedByCommas() {
    List<String> both = withMatcher("{team=\"payments\", severity=~\"crit.*\"}",
        Map.of("team", "payments", "severity", "critical"));
    assertEquals(List.of("matched"), both);
    assertEquals(List.of("default"), withMatcher("team=payments,severity=critical", Map.of("team", "payments")));
    assertEquals(List.of(RouteMatcher.of("team", RouteMatcher.Operator.EQUAL, "payments"),
            RouteMatcher.of("severity", RouteMatcher.Operator.REGEX, "crit.*")),
        MatcherSyntax.parseEntry("{team=\"payments\", severity=~\"crit.*\"}"));
  }

  @Test
  void legacyMatchAndMatchReMapsMustAllMatchWithTheNewMatchers() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - match:
                team: payments
              match_re:
                severity: critical|warning
              matchers: [region!="us"]
              receiver: matched
            - match_re:
                service: ^checkout$
              receiver: anchored
        """);
    assertEquals(List.of("matched"), routes.receivers(Map.of("team", "payments", "severity", "warning")));
    assertEquals(List.of("default"), routes.receivers(Map.of("team", "payments", "severity", "info")));
    assertEquals(List.of("default"),
        routes.receivers(Map.of("team", "payments", "severity", "warning", "region", "us")));
    assertEquals(List.of("default"), routes.receivers(Map.of("team", "payment", "severity", "warning")));
    assertEquals(List.of("anchored"), routes.receivers(Map.of("service", "checkout")));
    assertEquals(List.of("default"), routes.receivers(Map.of("service", "checkout2")));
    assertEquals("[team=\"payments\", severity=~\"critical|warning\", region!=\"us\"]",
        routes.root().children().get(0).matchers().toString());
  }

  @Test
  void deliveriesCarryTheTimeIntervalsOfTheRouteThatSends() {
    AlertmanagerRoutes routes = routes("""
        route:
          receiver: default
          routes:
            - matchers: [team="payments"]
              mute_time_intervals: [holidays]
              routes:
                - matchers: [severity="warning"]
                  receiver: payments-ticket
                  active_time_intervals: [payments-working-hours]
                - matchers: [severity="critical"]
                  receiver: payments-page
            - matchers: [team="search"]
              receiver: search
              mute_time_intervals: [holidays]
              active_time_intervals: [search-hours]
        receivers:
          - name: default
          - name: payments-ticket
          - name: payments-page
          - name: search
        time_intervals:
          - name: payments-working-hours
          - name: search-hours
        mute_time_intervals:
          - name: holidays
        """);
    List<Delivery> warning = routes.deliveries(Map.of("team", "payments", "severity", "warning"));
    assertEquals(List.of(new Delivery("payments-ticket", List.of("payments-working-hours"), List.of(),
        "route.routes[0].routes[0]")), warning);
    assertEquals("payments-ticket (only within payments-working-hours)", warning.get(0).toString());
    // Time intervals are not inherited: the team route's mute interval does not gate the page.
    Delivery page = routes.deliveries(Map.of("team", "payments", "severity", "critical")).get(0);
    assertTrue(page.atAnyTime(), page.toString());
    assertEquals("payments-page", page.toString());
    Delivery teamOnly = routes.deliveries(Map.of("team", "payments")).get(0);
    assertEquals("default (except within holidays)", teamOnly.toString());
    assertEquals("search (only within search-hours; except within holidays)",
        routes.deliveries(Map.of("team", "search")).get(0).toString());
    // amtool ignores the intervals and so does the receiver list.
    assertEquals(List.of("payments-ticket"), routes.receivers(Map.of("team", "payments", "severity", "warning")));
  }

  @Test
  void readsAGeneratedConfigurationFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("routes.yml");
    Files.writeString(file, """
        # Generated by sre-dsl
        route:
          receiver: default
          group_by:
            - alertname
            - service
          routes:
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
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [service]
        receivers:
          - name: default
          - name: payments-page
          - name: payments-ticket
        time_intervals:
          - name: payments-working-hours
            time_intervals:
              - weekdays: ['monday:friday']
        """);
    AlertmanagerRoutes routes = AlertmanagerRoutes.read(file);
    assertEquals(List.of("payments-page"), routes.receivers(Map.of("team", "payments", "severity", "critical")));
    assertEquals(List.of("default"), routes.receivers(Map.of("team", "payments")));
    assertEquals(List.of("default"), routes.receivers(Map.of("severity", "critical")));
  }

  @Test
  void theTreeIsImmutable() {
    AlertmanagerRoutes routes = routes("route:\n  receiver: default\n  routes:\n    - receiver: x\n");
    assertThrows(UnsupportedOperationException.class, () -> routes.root().children().clear());
    assertThrows(UnsupportedOperationException.class, () -> routes.receivers(Map.of()).add("y"));
  }

  // Configurations Alertmanager refuses: one line naming the place and the fix.

  private static String problem(String yaml) {
    AlertmanagerConfigException e = assertThrows(AlertmanagerConfigException.class, () -> routes(yaml));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertEquals(0, e.getStackTrace().length, "printed without a stack trace");
    return e.getMessage();
  }

  @Test
  void aBadMatcherNamesTheRouteAndTheSyntax() {
    assertEquals("routes.yml: route.routes[1].matchers[0] 'team: payments' is not a matcher; write"
            + " name=\"value\" with one of = != =~ !~, escaping \" and \\ in the value as \\\" and \\\\",
        problem("""
            route:
              receiver: default
              routes:
                - receiver: a
                - matchers: ['team: payments']
                  receiver: b
            """));
  }

  @Test
  void otherBadMatchers() {
    String base = "route:\n  receiver: default\n  routes:\n    - matchers: ['%s']\n";
    assertTrue(problem(base.formatted("team=\"pay\"ments\"")).contains("has a double quote inside it"));
    assertTrue(problem(base.formatted("team=\"payments")).contains("opens a double quote it does not close"));
    assertTrue(problem(base.formatted("1team=\"x\"")).contains("is not a matcher"));
    assertTrue(problem(base.formatted("team")).contains("is not a matcher"));
    String regex = problem(base.formatted("team=~\"(?=x)\""));
    assertTrue(regex.startsWith("routes.yml: route.routes[0].matchers[0] the regex of 'team=~\"(?=x)\"' is not a"
        + " valid RE2 regular expression"), regex);
    String legacy = problem("route:\n  receiver: default\n  routes:\n    - match_re:\n        team: '(a'\n");
    assertTrue(legacy.startsWith("routes.yml: route.routes[0].match_re.team is not a valid RE2"), legacy);
    assertTrue(problem("route:\n  receiver: d\n  routes:\n    - match:\n        bad-name: x\n")
        .contains("'bad-name' is not a label name"));
    assertTrue(problem("route:\n  receiver: d\n  routes:\n    - matchers: [\"team=\\\"two\\nlines\"]\n")
        .contains("'team=\"two\\u000alines'"), "a line break is escaped");
    assertTrue(problem(base.formatted("team==\"payments\"")).contains("has a double quote inside it"));
  }

  @Test
  void otherProblemsNameThePlace() {
    assertEquals("routes.yml: route has no receiver; the root route must name the default receiver (receiver: ...)",
        problem("route:\n  routes: []\n"));
    assertTrue(problem("route:\n  receiver: d\n  matchers: [a=b]\n").startsWith("routes.yml: route.matchers is not"
        + " allowed"));
    assertTrue(problem("receivers: []\n").contains("has no 'route'"));
    assertTrue(problem("route:\n  receiver: d\n  routes:\n    - matcher: [a=b]\n")
        .startsWith("routes.yml: route.routes[0] has the unknown key 'matcher'; a route's keys are"));
    assertTrue(problem("route:\n  receiver: d\n  routes:\n    - continue: maybe\n")
        .startsWith("routes.yml: route.routes[0].continue is not true or false"));
    assertTrue(problem("route:\n  receiver: d\n  routes:\n    - receiver: x\nreceivers:\n  - name: d\n")
        .startsWith("routes.yml: route.routes[0].receiver names the receiver 'x', which is not among"));
    assertTrue(problem("route:\n  receiver: d\n  routes:\n    - active_time_intervals: [h]\nreceivers:\n"
        + "  - name: d\n").startsWith("routes.yml: route.routes[0].active_time_intervals[0] names the time interval"
        + " 'h', which the configuration does not declare"));
    assertTrue(problem("route:\n  receiver: d\n  receiver: e\n").startsWith("routes.yml: line 3 is not valid YAML"));
    assertTrue(problem("route: [\n").contains("is not valid YAML"));
    assertTrue(problem("- a\n").contains("is not an Alertmanager configuration"));
  }

  @Test
  void aMissingFileIsOneLine(@TempDir Path dir) {
    AlertmanagerConfigException e = assertThrows(AlertmanagerConfigException.class,
        () -> AlertmanagerRoutes.read(dir.resolve("missing.yml")));
    assertTrue(e.getMessage().contains("missing.yml: cannot be read"), e.getMessage());
  }
}
