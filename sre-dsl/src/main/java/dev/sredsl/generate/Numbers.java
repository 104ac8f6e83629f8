package dev.sredsl.generate;

import dev.sredsl.promql.NumberLiteral;
import dev.sredsl.promql.Printer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as generated files print them. */
public final class Numbers {

  private static final BigDecimal ONE_TENTH = new BigDecimal("0.1");

  private Numbers() {}

  /** The PromQL printer's shortest exact form, for expressions and values a tool reads. */
  public static String format(double value) {
    return Printer.print(new NumberLiteral(value));
  }

  /**
   * A number as people write it in prose: two decimals from 0.1 up ({@code 0.23}, {@code 13.44},
   * {@code 14.4}), two significant digits below ({@code 0.0014}), no trailing zeros.
   */
  public static String readable(BigDecimal value) {
    BigDecimal rounded = value.abs().compareTo(ONE_TENTH) >= 0
        ? value.setScale(2, RoundingMode.HALF_UP)
        : value.round(new MathContext(2, RoundingMode.HALF_UP));
    return rounded.stripTrailingZeros().toPlainString();
  }
}
