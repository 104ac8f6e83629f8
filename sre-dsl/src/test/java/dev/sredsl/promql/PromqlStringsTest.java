package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PromqlStringsTest {

  @ParameterizedTest
  @ValueSource(strings = {"job", "_x", "pool", "client_id", "__name__", "A1", "http_response_status_code"})
  void acceptsLabelNames(String name) {
    assertTrue(PromqlStrings.isLabelName(name));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"1job", "kubernetes-namespace", "a:b", "a.b", "a b", "café", "job\n"})
  void rejectsLabelNames(String name) {
    assertFalse(PromqlStrings.isLabelName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"up", "http_server_requests_seconds_count", ":recorded", "job:http_requests:rate5m", "_x"})
  void acceptsMetricNames(String name) {
    assertTrue(PromqlStrings.isMetricName(name));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"1up", "http.server.requests", "http-requests", "up{}", "up "})
  void rejectsMetricNames(String name) {
    assertFalse(PromqlStrings.isMetricName(name));
  }

  @Test
  void quotesPlainTextAsIs() {
    assertEquals("\"checkout\"", PromqlStrings.quote("checkout"));
    assertEquals("\"\"", PromqlStrings.quote(""));
  }

  @Test
  void escapesQuoteAndBackslash() {
    assertEquals("\"a\\\"b\\\\c\"", PromqlStrings.quote("a\"b\\c"));
  }

  @Test
  void escapesNewlineCarriageReturnAndTabByName() {
    assertEquals("\"a\\nb\\rc\\td\"", PromqlStrings.quote("a\nb\rc\td"));
  }

  @Test
  void escapesOtherControlCharactersAsHex() {
    assertEquals("\"\\x00\\x01\\x1b\\x1f\\x7f\"", PromqlStrings.quote("\u0000\u0001\u001b\u001f\u007f"));
  }

  @Test
  void keepsSingleQuotesBackticksAndNonAsciiAsTheyAre() {
    assertEquals("\"it's `ok` café 日本\"", PromqlStrings.quote("it's `ok` café 日本"));
  }
}
