package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationTest {

  private static final String NOT_A_DURATION =
      " is not a Prometheus duration; write a number and a unit (ms, s, m, h, d, w, y), e.g. 5m or 1h30m";

  @Test
  void formatsWithTheLargestUnitsFirst() {
    assertEquals("5m", PromDuration.format(Duration.ofMinutes(5)));
    assertEquals("1h30m", PromDuration.format(Duration.ofMinutes(90)));
    assertEquals("1d12h", PromDuration.format(Duration.ofHours(36)));
    assertEquals("1h1m1s1ms", PromDuration.format(Duration.ofMillis(3_661_001)));
  }

  @Test
  void formatsMilliseconds() {
    assertEquals("250ms", PromDuration.format(Duration.ofMillis(250)));
    assertEquals("1s500ms", PromDuration.format(Duration.ofMillis(1500)));
    assertEquals("1ms", PromDuration.format(Duration.ofMillis(1)));
  }

  @Test
  void prefersDaysUnlessTheValueIsAWholeNumberOfWeeksOrYears() {
    assertEquals("30d", PromDuration.format(Duration.ofDays(30)));
    assertEquals("8d", PromDuration.format(Duration.ofDays(8)));
    assertEquals("7d1h", PromDuration.format(Duration.ofDays(7).plusHours(1)));
    assertEquals("1w", PromDuration.format(Duration.ofDays(7)));
    assertEquals("4w", PromDuration.format(Duration.ofDays(28)));
    assertEquals("1y", PromDuration.format(Duration.ofDays(365)));
    assertEquals("2y", PromDuration.format(Duration.ofDays(730)));
    assertEquals("366d", PromDuration.format(Duration.ofDays(366)));
  }

  @Test
  void rejectsAZeroDurationWhenFormatting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PromDuration.format(Duration.ZERO));

    assertEquals("a Prometheus duration must be positive and a whole number of milliseconds, was PT0S",
        e.getMessage());
  }

  @Test
  void rejectsANegativeDurationWhenFormatting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PromDuration.format(Duration.ofMinutes(-5)));

    assertEquals("a Prometheus duration must be positive and a whole number of milliseconds, was PT-5M",
        e.getMessage());
  }

  @Test
  void rejectsFractionsOfAMillisecondWhenFormatting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PromDuration.format(Duration.ofNanos(1_500_000)));

    assertEquals("a Prometheus duration must be positive and a whole number of milliseconds, was PT0.0015S",
        e.getMessage());
  }

  @Test
  void rejectsNullWhenFormatting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromDuration.format(null));

    assertEquals("a Prometheus duration must be positive and a whole number of milliseconds, was null",
        e.getMessage());
  }

  @Test
  void tellsWhetherADurationCanBeFormatted() {
    assertTrue(PromDuration.isRepresentable(Duration.ofMillis(1)));
    assertFalse(PromDuration.isRepresentable(Duration.ZERO));
    assertFalse(PromDuration.isRepresentable(Duration.ofSeconds(-1)));
    assertFalse(PromDuration.isRepresentable(Duration.ofNanos(1)));
    assertFalse(PromDuration.isRepresentable(null));
  }

  @Test
  void parsesEachUnit() {
    assertEquals(Duration.ofMillis(250), PromDuration.parse("250ms"));
    assertEquals(Duration.ofSeconds(30), PromDuration.parse("30s"));
    assertEquals(Duration.ofMinutes(5), PromDuration.parse("5m"));
    assertEquals(Duration.ofHours(2), PromDuration.parse("2h"));
    assertEquals(Duration.ofDays(1), PromDuration.parse("1d"));
    assertEquals(Duration.ofDays(14), PromDuration.parse("2w"));
    assertEquals(Duration.ofDays(365), PromDuration.parse("1y"));
  }

  @Test
  void parsesCombinedUnitsInDescendingOrder() {
    assertEquals(Duration.ofMinutes(90), PromDuration.parse("1h30m"));
    assertEquals(Duration.ofMillis(1500), PromDuration.parse("1s500ms"));
    assertEquals(Duration.ofDays(365 + 7 + 1).plusHours(1).plusMinutes(1).plusSeconds(1).plusMillis(1),
        PromDuration.parse("1y1w1d1h1m1s1ms"));
    assertEquals(Duration.ofMinutes(90), PromDuration.parse("90m"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5m", "1h30m", "250ms", "30d", "2w", "1y", "1d12h", "1s500ms", "7d1h"})
  void formatsWhatItParsedBackToTheSameText(String text) {
    assertEquals(text, PromDuration.format(PromDuration.parse(text)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"5", "m", "5 m", " 5m", "5m ", "-5m", "+5m", "1.5h", "5M", "5min", "30m1h", "5m5m",
      "1h 30m", "PT5M", "5µs", "٥m"})
  void rejectsTextThatIsNotAPrometheusDuration(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromDuration.parse(text));

    assertEquals("'" + text + "'" + NOT_A_DURATION, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0m", "0ms", "0h0m", "00d"})
  void rejectsAZeroDuration(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromDuration.parse(text));

    assertEquals("'" + text + "' is a zero duration; give a positive one, e.g. 5m", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"300000000y", "99999999999999999999s", "9223372036854776s", "106751991168d"})
  void rejectsADurationTooLongForMilliseconds(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromDuration.parse(text));

    assertEquals("'" + text + "' is too long a duration", e.getMessage());
  }
}
