package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Property: printing any valid tree and parsing the text gives the tree back, and the text is stable. */
class PromQLRoundTripTest {

  private static final int TREES = 3000;

  @Test
  void parsingThePrintedTextGivesTheSameTreeForRandomTrees() {
    RandomExprs random = new RandomExprs(20261127L);
    for (int i = 0; i < TREES; i++) {
      Expr tree = random.next();
      String text = tree.toString();
      Expr parsed;
      try {
        parsed = PromQL.parse(text);
      } catch (PromQLException e) {
        fail("tree #" + i + " printed as text that does not parse: " + text + "\n  " + e.getMessage());
        return;
      }
      assertEquals(tree, parsed, "tree #" + i + " printed as " + text);
      assertEquals(text, parsed.toString(), "printing is not stable for tree #" + i);
    }
  }
}
