package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelMatcherTest {

  @Test
  void printsEachOperator() {
    assertEquals("job=\"checkout\"", LabelMatcher.eq("job", "checkout").toString());
    assertEquals("env!=\"dev\"", LabelMatcher.neq("env", "dev").toString());
    assertEquals("status=~\"5..\"", LabelMatcher.regex("status", "5..").toString());
    assertEquals("uri!~\"/actuator/.*\"", LabelMatcher.notRegex("uri", "/actuator/.*").toString());
  }

  @Test
  void factoriesSetTheMatchType() {
    assertEquals(new LabelMatcher("job", MatchType.EQUAL, "x"), LabelMatcher.eq("job", "x"));
    assertEquals(new LabelMatcher("job", MatchType.NOT_EQUAL, "x"), LabelMatcher.neq("job", "x"));
    assertEquals(new LabelMatcher("job", MatchType.REGEX, "x"), LabelMatcher.regex("job", "x"));
    assertEquals(new LabelMatcher("job", MatchType.NOT_REGEX, "x"), LabelMatcher.notRegex("job", "x"));
  }

  @Test
  void escapesQuotesAndBackslashesInTheValue() {
    assertEquals("path=\"C:\\\\logs\\\\\\\"x\\\"\"", LabelMatcher.eq("path", "C:\\logs\\\"x\"").toString());
  }

  @Test
  void keepsRegexBackslashesIntactThroughTheStringLiteral() {
    assertEquals("uri=~\"/api/\\\\d+\"", LabelMatcher.regex("uri", "/api/\\d+").toString());
  }

  @Test
  void printsAnEmptyValueAsAnEmptyString() {
    assertEquals("namespace=\"\"", LabelMatcher.eq("namespace", "").toString());
  }

  @Test
  void requiresAMatchType() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> new LabelMatcher("job", null, "x"));

    assertEquals("type", e.getMessage());
  }
}
