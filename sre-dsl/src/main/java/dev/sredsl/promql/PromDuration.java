package dev.sredsl.promql;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration literals ({@code 5m}, {@code 1h30m}, {@code 250ms}) to and from
 * {@link Duration}. Prometheus counts a day as 24h, a week as 7d and a year as 365d.
 */
public final class PromDuration {

  private static final long MS_SECOND = 1000;
  private static final long MS_MINUTE = 60 * MS_SECOND;
  private static final long MS_HOUR = 60 * MS_MINUTE;
  private static final long MS_DAY = 24 * MS_HOUR;
  private static final long MS_WEEK = 7 * MS_DAY;
  private static final long MS_YEAR = 365 * MS_DAY;

  private static final long[] UNIT_MS = {MS_YEAR, MS_WEEK, MS_DAY, MS_HOUR, MS_MINUTE, MS_SECOND, 1};
  private static final String[] UNIT_NAMES = {"y", "w", "d", "h", "m", "s", "ms"};

  private static final Pattern LITERAL = Pattern.compile(
      "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

  private PromDuration() {}

  /**
   * Prints a positive duration with whole milliseconds, largest units first. Days are preferred
   * over weeks and years unless the value is a whole number of them, so 30 days prints {@code 30d},
   * 28 days {@code 4w}, 90 minutes {@code 1h30m}.
   *
   * @param duration positive, a whole number of milliseconds
   * @return the Prometheus literal
   * @throws IllegalArgumentException if the duration is {@code null}, zero, negative or has a
   *     fraction of a millisecond
   */
  public static String format(Duration duration) {
    if (!isRepresentable(duration)) {
      throw new IllegalArgumentException(
          "a Prometheus duration must be positive and a whole number of milliseconds, was " + duration);
    }
    long remaining = duration.toMillis();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < UNIT_MS.length; i++) {
      // Weeks and years only when they divide the whole value: 30d reads better than 4w2d.
      if ((i < 2) && remaining % UNIT_MS[i] != 0) {
        continue;
      }
      long count = remaining / UNIT_MS[i];
      if (count > 0) {
        out.append(count).append(UNIT_NAMES[i]);
        remaining -= count * UNIT_MS[i];
      }
    }
    return out.toString();
  }

  /**
   * Whether {@link #format} can print the duration.
   *
   * @param duration any duration, or {@code null}
   * @return {@code true} when it is positive and a whole number of milliseconds
   */
  public static boolean isRepresentable(Duration duration) {
    return duration != null
        && !duration.isNegative()
        && !duration.isZero()
        && duration.getNano() % 1_000_000 == 0;
  }

  /**
   * Parses a Prometheus duration literal: whole numbers, each followed by a unit, units from largest
   * to smallest and each at most once, e.g. {@code 5m}, {@code 1h30m}, {@code 250ms}. No spaces,
   * fractions or signs.
   *
   * @param text the literal
   * @return the duration, positive
   * @throws IllegalArgumentException naming the text and showing valid examples, when it is
   *     {@code null}, empty, malformed, zero or too long for a {@code long} of milliseconds
   */
  public static Duration parse(String text) {
    Matcher m = text == null ? null : LITERAL.matcher(text);
    if (m == null || text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("'" + text
          + "' is not a Prometheus duration; write a number and a unit (ms, s, m, h, d, w, y), e.g. 5m or 1h30m");
    }
    long millis = 0;
    try {
      for (int i = 0; i < UNIT_MS.length; i++) {
        String group = m.group(i + 1);
        if (group != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(group), UNIT_MS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
    if (millis == 0) {
      throw new IllegalArgumentException("'" + text + "' is a zero duration; give a positive one, e.g. 5m");
    }
    return Duration.ofMillis(millis);
  }
}
