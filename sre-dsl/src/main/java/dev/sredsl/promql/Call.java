package dev.sredsl.promql;

import java.util.List;
import java.util.Objects;

/**
 * A function call, e.g. {@code rate(x[5m])}; built with {@code PromQL.call} or its shorthands such as
 * {@code PromQL.rate}. Its type is the function's return type.
 *
 * @param function the function's signature; not {@code null}
 * @param args the arguments in order; unmodifiable
 */
public record Call(Function function, List<Expr> args) implements Expr {

  public Call {
    Objects.requireNonNull(function, "function");
    args = List.copyOf(args);
  }

  @Override
  public ValueType type() {
    return function.returnType();
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
