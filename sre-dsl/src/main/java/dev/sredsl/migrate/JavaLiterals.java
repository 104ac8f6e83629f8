package dev.sredsl.migrate;

import java.math.BigDecimal;

/**
 * Java literals that the compiler reads back as the very value written: strings escaped so that no
 * character can end the literal or the line early, and numbers in their shortest exact form.
 */
final class JavaLiterals {

  /** Longest plain decimal written for a number; beyond it the exponent form reads better. */
  private static final int LONGEST_PLAIN_NUMBER = 21;

  private JavaLiterals() {}

  /**
   * A string literal, e.g. {@code "a\"b"}. Quotes, backslashes and the usual control characters get
   * their escapes ({@code \n}, {@code \t} ...); other characters that cannot be seen or that change how
   * text around them shows (controls, format characters such as U+202E, line and paragraph
   * separators, unpaired surrogates, unassigned and private-use code points) are written as
   * {@code \}{@code uXXXX}. A unicode escape is never used for a character that would break the
   * literal once the compiler translates it (a quote, a backslash, a line end). A lone high
   * surrogate followed by a backslash ends the literal and a second one continues it
   * ({@code "\}{@code udb3f" + "\\..."}), as the compiler misreads that backslash otherwise.
   *
   * @param value the string; {@code null} gives {@code null}
   * @return the literal
   */
  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      i += Character.charCount(codePoint);
      switch (codePoint) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (isVisible(codePoint)) {
            out.appendCodePoint(codePoint);
          } else {
            for (char unit : Character.toChars(codePoint)) {
              out.append(String.format("\\u%04x", (int) unit));
            }
            if (Character.isHighSurrogate(value.charAt(i - 1)) && i < value.length() && value.charAt(i) == '\\') {
              // javac 17 misreads the backslashes right after the escape of a lone high surrogate, where it
              // looks for the low half: four backslashes and u005c there read as two backslashes only.
              out.append("\" + \"");
            }
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Whether a code point may stand as itself in source: not a control, format or separator character
   * other than the space, not a surrogate half, not unassigned or private use.
   */
  static boolean isVisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      case Character.SPACE_SEPARATOR -> codePoint == ' ';
      default -> true;
    };
  }

  /**
   * A {@code double} literal that reads back as exactly {@code value}: the shortest decimal that does
   * ({@code 99.9}, not {@code 99.90000000000001}), plain while short ({@code 0.0001}, {@code 14.0}),
   * else with an exponent ({@code 1.0E-12}); {@code -0.0} keeps its sign, and the values without a
   * literal are named ({@code Double.NaN}, {@code Double.POSITIVE_INFINITY}).
   *
   * @param value the number
   * @return the literal
   */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
    }
    // Double.toString gives the shortest digits that read back as the value; BigDecimal only moves the point.
    String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    if (plain.length() > LONGEST_PLAIN_NUMBER) {
      return Double.toString(value);
    }
    return plain.contains(".") ? plain : plain + ".0";
  }

  /**
   * An integer literal for a {@code long} parameter: with the {@code L} suffix only when the value is
   * beyond {@code int}.
   *
   * @param value the number
   * @return the literal, e.g. {@code 28} or {@code 10000000000L}
   */
  static String integer(long value) {
    boolean fitsInt = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    return fitsInt ? Long.toString(value) : value + "L";
  }
}
