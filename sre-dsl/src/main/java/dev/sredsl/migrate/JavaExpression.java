package dev.sredsl.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Java expression as the writer builds it, before it is laid out on lines: text that is never
 * broken, a method call, a chain of calls on one receiver, or a lambda.
 */
sealed interface JavaExpression {

  /** The expression on one line. */
  String flat();

  /**
   * Text that is never broken, e.g. a literal or {@code Tier.HIGH}.
   *
   * @param text the code
   */
  record Atom(String text) implements JavaExpression {

    @Override
    public String flat() {
      return text;
    }
  }

  /**
   * A call, {@code name(arguments)}; in a {@link Chain} the name is a method of the receiver.
   *
   * @param name the method, qualified when static, e.g. {@code Slo.events} or {@code percent}
   * @param arguments the arguments, in order
   */
  record Invocation(String name, List<JavaExpression> arguments) implements JavaExpression {

    public Invocation {
      arguments = List.copyOf(arguments);
    }

    static Invocation of(String name, JavaExpression... arguments) {
      return new Invocation(name, List.of(arguments));
    }

    @Override
    public String flat() {
      return name + arguments.stream().map(JavaExpression::flat).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  /**
   * Calls on one receiver, {@code head.a(..).b(..)}.
   *
   * @param head the receiver, e.g. {@code Slo.events("runs")}
   * @param calls the calls, in order
   * @param mostCallsOnOneLine how many calls the chain may have and still be written on one line;
   *     longer chains take a line per call even when they would fit
   */
  record Chain(JavaExpression head, List<Invocation> calls, int mostCallsOnOneLine) implements JavaExpression {

    public Chain {
      calls = List.copyOf(calls);
    }

    @Override
    public String flat() {
      return head.flat() + calls.stream().map(c -> "." + c.flat()).collect(Collectors.joining());
    }
  }

  /**
   * A one-parameter lambda, {@code parameter -> body}.
   *
   * @param parameter the parameter's name
   * @param body the expression the lambda evaluates
   */
  record Lambda(String parameter, JavaExpression body) implements JavaExpression {

    @Override
    public String flat() {
      return parameter + " -> " + body.flat();
    }
  }
}
