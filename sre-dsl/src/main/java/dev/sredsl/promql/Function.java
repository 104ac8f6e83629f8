package dev.sredsl.promql;

import java.util.List;

/**
 * A PromQL function's signature, as {@link Functions} lists them.
 *
 * @param name the function name, e.g. {@code rate}
 * @param argTypes the type of each argument
 * @param variadic 0 for exactly {@code argTypes}; n &gt; 0 when the last n arguments may be left out;
 *     -1 when the last argument may repeat without limit
 * @param returnType the type of the call's value
 */
public record Function(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {

  public Function {
    argTypes = List.copyOf(argTypes);
  }

  /**
   * The fewest arguments a call takes.
   *
   * @return the count
   */
  public int minArgs() {
    return variadic == 0 ? argTypes.size() : argTypes.size() - 1;
  }

  /**
   * The most arguments a call takes.
   *
   * @return the count, or {@link Integer#MAX_VALUE} when the last argument may repeat
   */
  public int maxArgs() {
    if (variadic < 0) {
      return Integer.MAX_VALUE;
    }
    return variadic == 0 ? argTypes.size() : argTypes.size() - 1 + variadic;
  }

  /**
   * The type expected of the argument at {@code index}.
   *
   * @param index 0-based; beyond the declared arguments, the last one's type (for repeated arguments)
   * @return the expected type
   */
  public ValueType argType(int index) {
    return argTypes.get(Math.min(index, argTypes.size() - 1));
  }
}
