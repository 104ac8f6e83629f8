package dev.sredsl.promql;

/** A float literal such as {@code 0.05}, {@code -1}, {@code Inf} or {@code NaN}. */
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
