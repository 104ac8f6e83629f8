package dev.sredsl.promql;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of number, string and duration tokens, read with the rules Prometheus applies: numbers
 * as Go's {@code ParseInt(s, 0, 64)} and then {@code ParseFloat}, durations as
 * {@code model.ParseDuration}, strings with Go's escapes.
 */
final class Literals {

  private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
  private static final Pattern DURATION = Pattern.compile(
      "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MS = {
      365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};
  private static final long NANOS_PER_MS = 1_000_000L;

  private Literals() {}

  /** @throws IllegalArgumentException with the reason, when Prometheus would reject the number */
  static double number(String text) {
    BigInteger integer = integer(text);
    if (integer != null && integer.compareTo(MAX_INT64) <= 0) {
      return integer.doubleValue();
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (lower.startsWith("0x")) {
      throw new IllegalArgumentException("'" + text + "' is not a number: hexadecimal numbers must be whole and fit"
          + " in 64 bits");
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("'" + text + "' is too large for a 64-bit float");
    }
    return value;
  }

  /** Go's base-0 integer syntax: 0x hex, a leading 0 for octal, else decimal; {@code null} if not one. */
  private static BigInteger integer(String text) {
    String digits = text;
    int radix = 10;
    if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
      digits = text.substring(2);
      radix = 16;
    } else if (text.length() > 1 && text.startsWith("0")) {
      digits = text.substring(1);
      radix = 8;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'f') {
        return null;
      }
    }
    return digits.isEmpty() ? null : new BigInteger(digits, radix);
  }

  /**
   * A positive duration. Units must come in the order y, w, d, h, m, s, ms, each at most once, and
   * the total must fit in 64-bit nanoseconds, as Prometheus requires.
   */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a valid duration: use the units y, w, d, h, m, s,"
          + " ms in that order, each once, e.g. 1h30m");
    }
    long nanos = 0;
    for (int i = 0; i < UNIT_MS.length; i++) {
      String group = m.group(i + 1);
      if (group == null) {
        continue;
      }
      long count = group.length() > 18 ? Long.MAX_VALUE : Long.parseLong(group);
      if (count > Long.MAX_VALUE / UNIT_MS[i] / NANOS_PER_MS) {
        throw new IllegalArgumentException("duration '" + text + "' is out of range (at most about 292 years)");
      }
      nanos += count * NANOS_PER_MS * UNIT_MS[i]; // wraps like Go's, and is caught below as Go does
      if (nanos < 0) {
        throw new IllegalArgumentException("duration '" + text + "' is out of range (at most about 292 years)");
      }
    }
    if (nanos == 0) {
      throw new IllegalArgumentException("duration '" + text + "' must be greater than 0");
    }
    return Duration.ofNanos(nanos);
  }

  /** The value of a string token, quotes included in {@code token}. */
  static String string(String token) {
    char quote = token.charAt(0);
    String body = token.substring(1, token.length() - 1);
    if (quote == '`') {
      return body;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        int cp = body.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp) - 1;
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'a' -> bytes.write(7);
        case 'b' -> bytes.write(8);
        case 'f' -> bytes.write(12);
        case 'n' -> bytes.write(10);
        case 'r' -> bytes.write(13);
        case 't' -> bytes.write(9);
        case 'v' -> bytes.write(11);
        case 'x' -> {
          bytes.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          int cp = Integer.parseInt(body.substring(i + 1, i + 1 + n), 16);
          bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          i += n;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
            i += 2;
          } else {
            bytes.write(e); // \\ and the quote
          }
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
