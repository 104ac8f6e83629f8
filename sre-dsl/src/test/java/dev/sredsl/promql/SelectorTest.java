package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest {

  @Test
  void printsABareMetricWithoutMatchers() {
    assertEquals("up", Selector.of("up").toString());
  }

  @Test
  void printsMatchersInTheOrderGivenWithoutSpaces() {
    assertEquals("http_server_requests_seconds_count{job=\"checkout\",outcome=\"SERVER_ERROR\",uri!~\"/actuator/.*\"}",
        Selector.of("http_server_requests_seconds_count", LabelMatcher.eq("job", "checkout"),
            LabelMatcher.eq("outcome", "SERVER_ERROR"), LabelMatcher.notRegex("uri", "/actuator/.*")).toString());
  }

  @Test
  void andAppendsMatchersAndLeavesTheOriginalAlone() {
    Selector requests = Selector.of("http_server_requests_seconds_count", LabelMatcher.eq("job", "checkout"));

    Selector failed = requests.and(LabelMatcher.eq("outcome", "SERVER_ERROR"));

    assertEquals("http_server_requests_seconds_count{job=\"checkout\"}", requests.toString());
    assertEquals("http_server_requests_seconds_count{job=\"checkout\",outcome=\"SERVER_ERROR\"}", failed.toString());
    assertEquals(failed, requests.and(List.of(LabelMatcher.eq("outcome", "SERVER_ERROR"))));
  }

  @Test
  void printsARangeWithAPrometheusDuration() {
    Selector requests = Selector.of("http_server_requests_seconds_count", LabelMatcher.eq("job", "checkout"));

    assertEquals("http_server_requests_seconds_count{job=\"checkout\"}[5m]", requests.range(Duration.ofMinutes(5)));
    assertEquals("up[1h30m]", Selector.of("up").range(Duration.ofMinutes(90)));
  }

  @Test
  void rejectsAZeroRange() {
    assertThrows(IllegalArgumentException.class, () -> Selector.of("up").range(Duration.ZERO));
  }

  @Test
  void copiesTheMatcherListSoLaterChangesDoNotLeakIn() {
    List<LabelMatcher> matchers = new ArrayList<>(List.of(LabelMatcher.eq("job", "checkout")));
    Selector selector = new Selector("up", matchers);

    matchers.add(LabelMatcher.eq("env", "dev"));

    assertEquals("up{job=\"checkout\"}", selector.toString());
  }

  @Test
  void escapesHostileValuesSoTheyCannotCloseTheSelector() {
    assertEquals("up{job=\"x\\\"} or vector(1) or up{job=\\\"\"}",
        Selector.of("up", LabelMatcher.eq("job", "x\"} or vector(1) or up{job=\"")).toString());
  }
}
