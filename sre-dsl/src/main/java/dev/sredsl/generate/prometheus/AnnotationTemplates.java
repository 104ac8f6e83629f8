package dev.sredsl.generate.prometheus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders alert annotations the way Prometheus' template engine does, for the forms annotations
 * commonly use: {@code {{ $value }}}, {@code {{ $value | humanize }}},
 * {@code {{ $value | humanizePercentage }}}, {@code {{ humanize $value }}},
 * {@code {{ printf "%.2f" $value }}} and {@code {{ $labels.name }}}. The generated promtool tests need
 * the text an alert will carry; anything else is reported as not renderable.
 */
final class AnnotationTemplates {

  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");
  private static final Pattern PRINTF = Pattern.compile("printf\\s+\"%\\.(\\d)f\"\\s+\\$value");

  private AnnotationTemplates() {}

  /** The rendered text, or empty when it uses a template form this class does not know. */
  static Optional<String> render(String text, double value, Map<String, String> labels) {
    Matcher m = ACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String rendered = action(m.group(1), value, labels);
      if (rendered == null) {
        return Optional.empty();
      }
      String before = text.substring(last, m.start());
      // "{{-" and "-}}" trim the white space next to them, as in Go.
      if (m.group().startsWith("{{-")) {
        before = before.stripTrailing();
      }
      out.append(before).append(rendered);
      last = m.end();
      if (m.group().endsWith("-}}")) {
        while (last < text.length() && Character.isWhitespace(text.charAt(last))) {
          last++;
        }
      }
    }
    out.append(text.substring(last));
    return Optional.of(out.toString());
  }

  private static String action(String action, double value, Map<String, String> labels) {
    String a = action.replaceAll("\\s+", " ");
    switch (a) {
      case "$value":
        return goDefault(value);
      case "$value | humanize":
      case "humanize $value":
        return humanize(value);
      case "$value | humanizePercentage":
      case "humanizePercentage $value":
        return fourDigits(value * 100) + "%";
      default:
        break;
    }
    Matcher label = LABEL.matcher(a);
    if (label.matches()) {
      return labels.getOrDefault(label.group(1), "");
    }
    Matcher printf = PRINTF.matcher(a);
    if (printf.matches()) {
      return BigDecimal.valueOf(value).setScale(Integer.parseInt(printf.group(1)), RoundingMode.HALF_EVEN).toPlainString();
    }
    return null;
  }

  /** Go's {@code %v} of a float64: the shortest digits, with an exponent below 1e-4 or from 1e21. */
  static String goDefault(double value) {
    if (isSpecial(value)) {
      return special(value);
    }
    BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent < -4 || exponent >= 21) {
      return exponential(shortest, exponent);
    }
    return shortest.toPlainString();
  }

  /** Prometheus' humanize: SI prefixes and four significant digits. */
  static String humanize(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return fourDigits(value);
    }
    String[] big = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    String[] small = {"m", "u", "n", "p", "f", "a", "z", "y"};
    String prefix = "";
    double v = value;
    if (Math.abs(v) >= 1) {
      for (String p : big) {
        if (Math.abs(v) < 1000) {
          break;
        }
        prefix = p;
        v /= 1000;
      }
    } else {
      for (String p : small) {
        if (Math.abs(v) >= 1) {
          break;
        }
        prefix = p;
        v *= 1000;
      }
    }
    return fourDigits(v) + prefix;
  }

  /** Go's {@code %.4g}: four significant digits, no trailing zeros, an exponent below 1e-4 or from 1e4. */
  static String fourDigits(double value) {
    if (isSpecial(value)) {
      return special(value);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 4) {
      return exponential(rounded, exponent);
    }
    return rounded.toPlainString();
  }

  /** Zero, NaN and the infinities print the same in every Go format used here. */
  private static boolean isSpecial(double value) {
    return value == 0 || !Double.isFinite(value);
  }

  private static String special(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return "0";
  }

  private static String exponential(BigDecimal value, int exponent) {
    BigDecimal mantissa = value.movePointLeft(exponent).stripTrailingZeros();
    String sign = exponent < 0 ? "-" : "+";
    int abs = Math.abs(exponent);
    return mantissa.toPlainString() + "e" + sign + (abs < 10 ? "0" : "") + abs;
  }
}
