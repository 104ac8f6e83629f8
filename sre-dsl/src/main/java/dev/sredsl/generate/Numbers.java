package dev.sredsl.generate;

/** Numbers as generated files print them: the PromQL printer's shortest exact form. */
public final class Numbers {

  private Numbers() {}

  public static String format(double value) {
    return dev.sredsl.promql.Printer.print(new dev.sredsl.promql.NumberLiteral(value));
  }
}
