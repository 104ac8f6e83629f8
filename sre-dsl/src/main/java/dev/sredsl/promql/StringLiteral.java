package dev.sredsl.promql;

import java.util.Objects;

/**
 * A string literal, e.g. the label arguments of {@code label_replace}; built with
 * {@code PromQL.string}.
 *
 * @param value the unescaped text; not {@code null}
 */
public record StringLiteral(String value) implements Expr {

  public StringLiteral {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
