package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprTreeTest {

  @Test
  void visitsEveryKindOfNodeParentsFirst() {
    Expr tree = PromQL.parse(
        "-topk(3, max_over_time(rate(a_total[5m])[1h:1m])) / on(job) quantile(0.9, b) > bool abs(c offset 1m)");
    List<String> visited = new ArrayList<>();
    ExprTree.walk(tree, (Expr node) -> {
      if (node instanceof VectorSelector v) {
        visited.add(v.name());
      } else if (node instanceof NumberLiteral n) {
        visited.add(Double.toString(n.value()));
      }
    });
    // Subquery, aggregation parameters, call arguments, both sides and the unary minus are all entered.
    assertEquals(List.of("3.0", "a_total", "0.9", "b", "c"), visited);
  }

  @Test
  void givesEachNodeItsParent() {
    Expr tree = PromQL.parse("sum(rate(a_total[5m]))");
    List<String> pairs = new ArrayList<>();
    ExprTree.walk(tree, (node, parent) -> pairs.add(
        node.getClass().getSimpleName() + "<" + (parent == null ? "root" : parent.getClass().getSimpleName())));
    assertEquals(List.of("Aggregation<root", "Call<Aggregation", "MatrixSelector<Call", "VectorSelector<MatrixSelector"),
        pairs);
  }

  @Test
  void leavesHaveNoChildren() {
    assertEquals(List.of(), ExprTree.children(PromQL.parse("up")));
    assertEquals(List.of(), ExprTree.children(PromQL.parse("42")));
    assertEquals(List.of(), ExprTree.children(PromQL.parse("\"text\"")));
  }
}
