package dev.sredsl.promql;

/**
 * A float literal such as {@code 0.05}, {@code -1}, {@code Inf} or {@code NaN}; built with
 * {@code PromQL.number}.
 *
 * @param value the value
 */
public record NumberLiteral(double value) implements Expr {

  @Override
  public ValueType type() {
    return ValueType.SCALAR;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
