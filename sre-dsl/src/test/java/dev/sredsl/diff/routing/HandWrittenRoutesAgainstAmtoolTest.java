package dev.sredsl.diff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.testing.AmtoolRouting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receivers {@link AlertmanagerRoutes} computes are the ones {@code amtool config routes test}
 * prints, on hand-written configurations with what the generated routes never use: regexes, negations,
 * {@code continue}, legacy {@code match}/{@code match_re}, deep nesting, quoted values and time intervals.
 * Every combination of a few values of each label is asked.
 */
class HandWrittenRoutesAgainstAmtoolTest {

  private static final String CONFIG = """
      route:
        receiver: default
        routes:
          - matchers: ['severity=~"critical|warning"', 'env!="staging"']
            receiver: audit
            continue: true
          - match:
              team: payments
            mute_time_intervals: [holidays]
            routes:
              - match_re:
                  severity: crit.*
                receiver: payments-page
                continue: true
              - matchers: [severity=~".*"]
                receiver: payments-all
                active_time_intervals: [office]
                routes:
                  - matchers: ['env="staging"']
                    routes:
                      - matchers: ['region=~"eu-.+"']
                        receiver: payments-eu-staging
          - matchers: ['{team=~"search|ads", severity!~"info|"}']
            receiver: discovery
          - matchers: ['team=""']
            receiver: orphans
            continue: true
          - matchers: ['team!~".+"', 'note="say \\"hi\\", ok"']
            receiver: quoted
          - matchers: ['team=~"(?i)OPS"']
            receiver: ops
          - matchers: ['team=~"[[:alpha:]]+-[0-9]{2}"']
            receiver: numbered
      receivers:
        - name: default
        - name: audit
        - name: payments-page
        - name: payments-all
        - name: payments-eu-staging
        - name: discovery
        - name: orphans
        - name: quoted
        - name: ops
        - name: numbered
      time_intervals:
        - name: office
          time_intervals:
            - weekdays: ['monday:friday']
      mute_time_intervals:
        - name: holidays
          time_intervals:
            - months: ['december']
      """;

  private static final Map<String, List<String>> VALUES = values();

  private static Map<String, List<String>> values() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("team", List.of("", "payments", "search", "ads", "ops", "Ops", "team-42", "team-4", "payments2"));
    values.put("severity", List.of("", "critical", "warning", "info", "critical-ish"));
    values.put("env", List.of("", "staging"));
    values.put("region", List.of("", "eu-west"));
    values.put("note", List.of("", "say \"hi\", ok"));
    return values;
  }

  @TempDir
  Path dir;

  @Test
  void everyCombinationReachesTheReceiversAmtoolPrints() throws Exception {
    Path file = dir.resolve("routes.yml");
    Files.writeString(file, CONFIG);
    AlertmanagerRoutes routes = AlertmanagerRoutes.read(file);
    List<Map<String, String>> labelSets = combinations();
    List<AmtoolRouting.Case> cases = labelSets.stream().map(l -> new AmtoolRouting.Case(file, l)).toList();
    List<String> amtool = AmtoolRouting.receivers(cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < labelSets.size(); i++) {
      String ours = String.join(",", routes.receivers(labelSets.get(i)));
      if (!ours.equals(amtool.get(i))) {
        mismatches.add(labelSets.get(i) + ": amtool " + amtool.get(i) + ", computed " + ours);
      }
    }
    assertEquals(List.of(), mismatches);
    Set<String> answers = new TreeSet<>(amtool);
    System.out.printf("%d label sets routed as amtool routes them, %d distinct answers: %s%n", labelSets.size(),
        answers.size(), answers);
    // The configuration exercises every route: each receiver is reached by some alert.
    List.of("default", "audit", "payments-page", "payments-all", "payments-eu-staging", "discovery", "orphans",
        "quoted", "ops", "numbered").forEach(receiver -> assertTrue(
            answers.stream().anyMatch(a -> List.of(a.split(",")).contains(receiver)), receiver + " in " + answers));
  }

  /** Every combination of the values; an empty value leaves the label out. */
  private static List<Map<String, String>> combinations() {
    List<Map<String, String>> sets = List.of(Map.of());
    for (Map.Entry<String, List<String>> label : VALUES.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> set : sets) {
        for (String value : label.getValue()) {
          Map<String, String> extended = new LinkedHashMap<>(set);
          if (!value.isEmpty()) {
            extended.put(label.getKey(), value);
          }
          next.add(extended);
        }
      }
      sets = next;
    }
    return sets;
  }
}
