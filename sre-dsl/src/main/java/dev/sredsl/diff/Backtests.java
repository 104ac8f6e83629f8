package dev.sredsl.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.promql.PromDuration;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code sre:verify} found for each alert of one build, read from its report in the build's
 * output: how often the alert would have fired over the history it replayed, and for how long.
 */
final class Backtests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** By {@code service/alert}. */
  private final Map<String, String> summaries;

  private Backtests(Map<String, String> summaries) {
    this.summaries = summaries;
  }

  /** The tree's backtests; none when its build did not run sre:verify or the report is unreadable. */
  static Backtests of(OutputTree tree) {
    Map<String, String> summaries = new TreeMap<>();
    Optional<byte[]> report = tree.verifyReport();
    if (report.isPresent()) {
      try {
        JsonNode root = JSON.readTree(report.get());
        String window = window(root.path("window"));
        for (JsonNode service : root.path("services")) {
          for (JsonNode alert : service.path("alerts")) {
            JsonNode current = alert.path("current");
            if (current.isObject() && current.path("evaluable").asBoolean()) {
              int episodes = current.path("episode_count").asInt();
              summaries.put(service.path("name").asText() + "/" + alert.path("name").asText(),
                  episodes + (episodes == 1 ? " episode, " : " episodes, ")
                      + PromDuration.format(Duration.ofSeconds(current.path("firing_seconds").asLong()))
                      + " firing" + window);
            }
          }
        }
      } catch (IOException ignored) {
        // A report that cannot be read shows no numbers; the plan does not depend on it.
      }
    }
    return new Backtests(summaries);
  }

  private static String window(JsonNode window) {
    try {
      Duration length = Duration.between(Instant.parse(window.path("start").asText()),
          Instant.parse(window.path("end").asText()));
      return " in " + PromDuration.format(length);
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  Optional<String> of(String service, String alert) {
    return Optional.ofNullable(summaries.get(service + "/" + alert));
  }

  boolean isEmpty() {
    return summaries.isEmpty();
  }
}
