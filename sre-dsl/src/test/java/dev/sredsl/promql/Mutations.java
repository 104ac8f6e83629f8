package dev.sredsl.promql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Expressions near valid ones: one to three edits (a character dropped, doubled, swapped or replaced,
 * or a PromQL fragment inserted) of a valid expression. Most are invalid in a way a person might
 * type; some stay valid. Fixed seed, so a failure reproduces.
 */
final class Mutations {

  private static final String[] FRAGMENTS = {"(", ")", "[5m]", "{", "}", ",", " offset 5m", " @ 10", " by (a)",
      " bool", " on(a)", " group_left", "-", "\"x\"", "1", "sum", "rate", ":", "[5m:]", " ", "=~", "==", "!", "#",
      "+", "^", " and ", "[", "]", "@", "0x", "e", ".", "'", "`", "\\", "5m", "offset", "without", "topk(",
      "{a=\"b\"}", "__name__", "=\"\"", "Inf", "nan", "start()", "end()", "_", "le", "/", "*", "%", ">", "<", "!=",
      "!~", "=", "ignoring()", "group_right()", "count_values", "quantile", "atan2", "histogram_quantile(",
      "label_replace(", "1e5", "-1", "2d", "1y", "0s", "ms"};

  private Mutations() {}

  static List<String> of(List<String> validExpressions, long seed, int count) {
    Random random = new Random(seed);
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      StringBuilder s = new StringBuilder(validExpressions.get(random.nextInt(validExpressions.size())));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int p = random.nextInt(s.length() + 1);
        switch (random.nextInt(5)) {
          case 0 -> {
            if (p < s.length()) {
              s.deleteCharAt(p);
            }
          }
          case 1 -> s.insert(p, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
          case 2 -> {
            if (p + 1 < s.length()) {
              char c = s.charAt(p);
              s.setCharAt(p, s.charAt(p + 1));
              s.setCharAt(p + 1, c);
            }
          }
          case 3 -> {
            if (p < s.length()) {
              s.setCharAt(p, (char) (32 + random.nextInt(95)));
            }
          }
          default -> {
            if (p < s.length()) {
              s.insert(p, s.charAt(p));
            }
          }
        }
      }
      String expression = s.toString();
      if (expression.indexOf('\n') < 0 && !expression.isBlank()) {
        out.add(expression);
      }
    }
    return List.copyOf(out);
  }
}
