package dev.sredsl.migrate;

import dev.sredsl.migrate.JavaExpression.Atom;
import dev.sredsl.migrate.JavaExpression.Chain;
import dev.sredsl.migrate.JavaExpression.Invocation;
import dev.sredsl.migrate.JavaExpression.Lambda;
import java.util.List;

/**
 * Lays an expression out on lines as a person would: on one line when it fits in {@value #WIDTH}
 * columns (and its chains are short), else a chain takes one call per line, a call of several
 * arguments one argument per line, and the one argument of a call that is not a chain the next line
 * when it fits there, each continuation indented four spaces more than the line it continues. Text that is never broken, a long string literal say, may run past the width.
 */
final class JavaLayout {

  /** The column the code should not pass. */
  static final int WIDTH = 100;

  private static final int CONTINUATION = 4;

  private JavaLayout() {}

  /**
   * The expression laid out.
   *
   * @param expression what to write
   * @param indent the indentation of the line the expression starts on
   * @param column the column the expression starts at, at least {@code indent}
   * @param trailing how many characters follow the expression on its last line, e.g. {@code ));}
   * @return the code; its lines after the first carry their indentation
   */
  static String render(JavaExpression expression, int indent, int column, int trailing) {
    String flat = expression.flat();
    if (column + flat.length() + trailing <= WIDTH && mayBeFlat(expression)) {
      return flat;
    }
    if (expression instanceof Atom atom) {
      return atom.text();
    }
    if (expression instanceof Lambda lambda) {
      String arrow = lambda.parameter() + " -> ";
      return arrow + render(lambda.body(), indent, column + arrow.length(), trailing);
    }
    if (expression instanceof Invocation invocation) {
      return invocation(invocation, indent, column, trailing);
    }
    return chain((Chain) expression, indent, column, trailing);
  }

  private static String invocation(Invocation invocation, int indent, int column, int trailing) {
    List<JavaExpression> arguments = invocation.arguments();
    String open = invocation.name() + "(";
    if (arguments.isEmpty()) {
      return open + ")";
    }
    if (arguments.size() == 1) {
      JavaExpression argument = arguments.get(0);
      int nextLine = indent + CONTINUATION;
      // A chain or lambda starts after the parenthesis and breaks below it; anything else that fits on
      // a line of its own goes there rather than break.
      if (!(argument instanceof Chain) && !(argument instanceof Lambda) && mayBeFlat(argument)
          && nextLine + argument.flat().length() + trailing + 1 <= WIDTH) {
        return open + "\n" + " ".repeat(nextLine) + argument.flat() + ")";
      }
      return open + render(argument, indent, column + open.length(), trailing + 1) + ")";
    }
    StringBuilder out = new StringBuilder(open);
    int argumentIndent = indent + CONTINUATION;
    for (int i = 0; i < arguments.size(); i++) {
      boolean last = i == arguments.size() - 1;
      out.append('\n').append(" ".repeat(argumentIndent))
          .append(render(arguments.get(i), argumentIndent, argumentIndent, last ? trailing + 1 : 1))
          .append(last ? ")" : ",");
    }
    return out.toString();
  }

  private static String chain(Chain chain, int indent, int column, int trailing) {
    StringBuilder out = new StringBuilder(render(chain.head(), indent, column, 0));
    int callIndent = indent + CONTINUATION;
    List<Invocation> calls = chain.calls();
    for (int i = 0; i < calls.size(); i++) {
      int after = i == calls.size() - 1 ? trailing : 0;
      out.append('\n').append(" ".repeat(callIndent)).append('.')
          .append(render(calls.get(i), callIndent, callIndent + 1, after));
    }
    return out.toString();
  }

  /** Whether no chain within the expression is too long to share one line, whatever the width. */
  private static boolean mayBeFlat(JavaExpression expression) {
    if (expression instanceof Atom) {
      return true;
    }
    if (expression instanceof Lambda lambda) {
      return mayBeFlat(lambda.body());
    }
    if (expression instanceof Invocation invocation) {
      return invocation.arguments().stream().allMatch(JavaLayout::mayBeFlat);
    }
    Chain chain = (Chain) expression;
    return chain.calls().size() <= chain.mostCallsOnOneLine() && mayBeFlat(chain.head())
        && chain.calls().stream().allMatch(JavaLayout::mayBeFlat);
  }
}
