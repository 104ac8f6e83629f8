package dev.sredsl.check;

import dev.sredsl.promql.Aggregation;
import dev.sredsl.promql.AggregationOp;
import dev.sredsl.promql.Call;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.Printer;
import dev.sredsl.promql.PromqlStrings;
import dev.sredsl.promql.StringLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * String arguments Prometheus takes as label names: the label of {@code count_values}, the destination
 * of {@code label_replace} and {@code label_join}, and the sources of {@code label_join}. Prometheus
 * parses any string there, and fails the rule at every evaluation when it is no label name; promtool
 * does not notice. The build does.
 */
final class LabelNameArguments {

  private LabelNameArguments() {}

  /** One phrase per argument that is no label name, e.g. {@code the label of count_values, "a b"}. */
  static List<String> problems(Expr expression) {
    List<String> problems = new ArrayList<>();
    ExprTree.walk(expression, (Expr e) -> {
      if (e instanceof Aggregation a && a.op() == AggregationOp.COUNT_VALUES) {
        check(a.param(), "the label of count_values", problems);
      } else if (e instanceof Call c && c.function().name().equals("label_replace") && c.args().size() > 1) {
        check(c.args().get(1), "the destination label of label_replace", problems);
      } else if (e instanceof Call c && c.function().name().equals("label_join")) {
        for (int i = 1; i < c.args().size(); i++) {
          if (i != 2) {
            check(c.args().get(i), i == 1 ? "the destination label of label_join"
                : "source label " + (i - 2) + " of label_join", problems);
          }
        }
      }
    });
    return problems;
  }

  private static void check(Expr argument, String what, List<String> problems) {
    if (argument instanceof StringLiteral literal && !PromqlStrings.isLabelName(literal.value())) {
      problems.add(what + " is " + Printer.print(literal));
    }
  }
}
