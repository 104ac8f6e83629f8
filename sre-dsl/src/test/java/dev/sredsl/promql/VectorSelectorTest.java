package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorSelectorTest {

  private static VectorSelector selector(String metric, LabelMatcher... matchers) {
    return new VectorSelector(metric, List.of(matchers), null, null);
  }

  @Test
  void printsABareMetricWithoutBraces() {
    assertEquals("up", VectorSelector.metric("up").toString());
  }

  @Test
  void printsMatchersInTheOrderGiven() {
    assertEquals("http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\", uri!~\"/actuator/.*\"}",
        selector("http_server_requests_seconds_count", LabelMatcher.eq("job", "checkout"),
            LabelMatcher.eq("outcome", "SERVER_ERROR"), LabelMatcher.notRegex("uri", "/actuator/.*")).toString());
  }

  @Test
  void andAppendsMatchersAndLeavesTheOriginalAlone() {
    VectorSelector requests = selector("http_server_requests_seconds_count", LabelMatcher.eq("job", "checkout"));

    VectorSelector failed = requests.and(LabelMatcher.eq("outcome", "SERVER_ERROR"));

    assertEquals("http_server_requests_seconds_count{job=\"checkout\"}", requests.toString());
    assertEquals("http_server_requests_seconds_count{job=\"checkout\", outcome=\"SERVER_ERROR\"}", failed.toString());
    assertEquals(failed, requests.where("outcome", "SERVER_ERROR"));
  }

  @Test
  void aRangeIsAMatrixSelectorPrintedWithAPrometheusDuration() {
    assertEquals("up{job=\"checkout\"}[5m]",
        selector("up", LabelMatcher.eq("job", "checkout")).range(Duration.ofMinutes(5)).toString());
    assertEquals("up[1h30m]", VectorSelector.metric("up").range("90m").toString());
  }

  @Test
  void aZeroRangeCannotBePrinted() {
    MatrixSelector zero = VectorSelector.metric("up").range(Duration.ZERO);
    assertThrows(IllegalArgumentException.class, zero::toString);
  }

  @Test
  void copiesTheMatcherListSoLaterChangesDoNotLeakIn() {
    List<LabelMatcher> matchers = new ArrayList<>(List.of(LabelMatcher.eq("job", "checkout")));
    VectorSelector selector = new VectorSelector("up", matchers, null, null);

    matchers.add(LabelMatcher.eq("env", "dev"));

    assertEquals("up{job=\"checkout\"}", selector.toString());
  }

  @Test
  void escapesHostileValuesSoTheyCannotCloseTheSelector() {
    VectorSelector hostile = selector("up", LabelMatcher.eq("job", "x\"} or vector(1) or up{job=\""));

    assertEquals("up{job=\"x\\\"} or vector(1) or up{job=\\\"\"}", hostile.toString());
    assertEquals(hostile, PromQL.parse(hostile.toString()));
  }
}
