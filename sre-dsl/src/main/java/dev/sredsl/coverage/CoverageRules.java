package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;
import dev.sredsl.problem.SettingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the gate's rules as a build tool's configuration gives them, in words, the way
 * {@code jacoco:check} takes its rules: constants in any case, limits as ratios ({@code 0.8}) or
 * percentages ({@code 80%}). No rules at all means {@link CoverageRule#DEFAULT_POLICY}.
 */
public final class CoverageRules {

  /** A rule as written: element {@code SERVICE} (default) or {@code BUILD}, name patterns, limits. */
  public record RuleText(String element, List<String> includes, List<String> excludes, List<LimitText> limits) {}

  /** A limit as written: the counter, the value (default {@code COVEREDRATIO}), and a bound or two. */
  public record LimitText(String counter, String value, String minimum, String maximum) {}

  private CoverageRules() {}

  /**
   * @param goal the goal whose configuration this is, for messages, e.g. {@code sre:check}
   * @throws SettingException naming the rule, the limit and what to write instead
   */
  public static List<CoverageRule> parse(String goal, List<RuleText> rules) {
    if (rules == null || rules.isEmpty()) {
      return CoverageRule.DEFAULT_POLICY;
    }
    List<CoverageRule> parsed = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      RuleText rule = rules.get(r);
      String where = goal + " rule " + (r + 1);
      List<CoverageRule.Limit> limits = new ArrayList<>();
      List<LimitText> written = rule.limits() == null ? List.of() : rule.limits();
      for (int l = 0; l < written.size(); l++) {
        limits.add(limit(written.get(l), where + ", limit " + (l + 1)));
      }
      CoverageRule.Element element = rule.element() == null ? CoverageRule.Element.SERVICE
          : constant(CoverageRule.Element.class, rule.element(), where + ": element");
      parsed.add(new CoverageRule(element, orEmpty(rule.includes()), orEmpty(rule.excludes()), limits));
    }
    return parsed;
  }

  private static CoverageRule.Limit limit(LimitText limit, String where) {
    CoverageRule.Value value = limit.value() == null ? CoverageRule.Value.COVEREDRATIO
        : constant(CoverageRule.Value.class, limit.value(), where + ": value");
    return new CoverageRule.Limit(constant(CoverageCounter.class, limit.counter(), where + ": counter"), value,
        number(limit.minimum(), where + ": minimum"), number(limit.maximum(), where + ": maximum"));
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SettingException(where + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** {@code 0.8}, or {@code 80%} for the same; {@code null} for no bound. */
  static Double number(String value, String where) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      double number = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
          : Double.parseDouble(v);
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new SettingException(where + " '" + value + "' is not a number; write e.g. 1.0 or 80%");
    }
  }

  private static List<String> orEmpty(List<String> patterns) {
    return patterns == null ? List.of() : patterns;
  }
}
