package dev.sredsl.generate.openslo;

import dev.sredsl.model.EventCount;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.PromQL;
import dev.sredsl.promql.PromQLException;
import dev.sredsl.promql.VectorSelector;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which OpenSLO query gives back a query template: the inverse of the forms the OpenSLO reader makes
 * of OpenSLO queries ({@code dev.sredsl.specs}, class {@code OpenSloQueries}), so that what is written
 * reads back as the same template. A form is recognised only when the reader would rebuild the
 * template character for character from what is written; any other template is written as its
 * five-minute value and kept exactly in an annotation ({@value #TEMPLATE_ANNOTATION_PREFIX}
 * {@code <role>}), which the reader prefers.
 */
final class OpenSloQueryForms {

  /** The annotation key prefix the reader looks for; the role follows. */
  static final String TEMPLATE_ANNOTATION_PREFIX = "sre-dsl.dev/query-template-";

  /** The window a template is expanded to when only an annotation keeps it exactly. */
  static final String SAMPLE_WINDOW = "5m";

  private static final String WINDOW = Pattern.quote(EventCount.WINDOW);
  private static final Pattern COUNTER = Pattern.compile("sum\\(rate\\((.*)\\[" + WINDOW + "\\]\\)\\)", Pattern.DOTALL);
  private static final Pattern COUNTER_EXPRESSION = Pattern.compile("sum\\(rate\\(\\((.*)\\)\\[" + WINDOW + ":\\]\\)\\)",
      Pattern.DOTALL);
  private static final Pattern VALUES = Pattern.compile("sum\\(avg_over_time\\(\\((.*)\\)\\[" + WINDOW + ":\\]\\)\\)",
      Pattern.DOTALL);
  private static final Pattern FAILURE_RATIO = Pattern.compile("avg_over_time\\(\\((.*)\\)\\[" + WINDOW + ":\\]\\)",
      Pattern.DOTALL);
  private static final Pattern SUCCESS_RATIO = Pattern.compile("1 - avg_over_time\\(\\((.*)\\)\\[" + WINDOW + ":\\]\\)",
      Pattern.DOTALL);
  private static final Pattern THRESHOLD = Pattern.compile(
      "1 - avg_over_time\\(\\(\\((.*)\\) (<|<=|>|>=) bool ([0-9.eE+-]+)\\)\\[" + WINDOW + ":\\]\\)", Pattern.DOTALL);
  private static final Map<String, String> OPS = Map.of("<", "lt", "<=", "lte", ">", "gt", ">=", "gte");

  private OpenSloQueryForms() {}

  /** How one count of a ratio is written. */
  enum CountKind {
    /** A counter's query: the reader takes its rate. */
    COUNTER,
    /** A value's query: the reader averages it. */
    VALUES,
    /** No query form: kept in an annotation. */
    TEMPLATE
  }

  /**
   * A count of events as written.
   *
   * @param kind its form
   * @param query the OpenSLO query
   * @param template the template when only an annotation keeps it, else {@code null}
   */
  record Count(CountKind kind, String query, String template) {}

  /** The form of an event count's template. */
  static Count count(String template) {
    Matcher counter = COUNTER.matcher(template);
    if (counter.matches() && isPart(counter.group(1)) && isSeriesSelector(counter.group(1))) {
      return new Count(CountKind.COUNTER, counter.group(1), null);
    }
    Matcher expression = COUNTER_EXPRESSION.matcher(template);
    if (expression.matches() && isPart(expression.group(1)) && !isSeriesSelector(expression.group(1))) {
      return new Count(CountKind.COUNTER, expression.group(1), null);
    }
    Matcher values = VALUES.matcher(template);
    if (values.matches() && isPart(values.group(1))) {
      return new Count(CountKind.VALUES, values.group(1), null);
    }
    return new Count(CountKind.TEMPLATE, sample(template), template);
  }

  /**
   * An error ratio as written.
   *
   * @param query the query of {@code ratioMetric.raw} or of {@code thresholdMetric}
   * @param ofFailures for a raw ratio, whether it is of failures
   * @param op for a threshold metric, how a good value compares ({@code lt}, ...), else {@code null}
   * @param value for a threshold metric, the threshold
   * @param template the template when only an annotation keeps it, else {@code null}
   */
  record ErrorRatio(String query, boolean ofFailures, String op, BigDecimal value, String template) {}

  /** The form of an error ratio's template. */
  static ErrorRatio errorRatio(String template) {
    Matcher threshold = THRESHOLD.matcher(template);
    if (threshold.matches() && isPart(threshold.group(1)) && isPlainNumber(threshold.group(3))) {
      return new ErrorRatio(threshold.group(1), false, OPS.get(threshold.group(2)), new BigDecimal(threshold.group(3)),
          null);
    }
    Matcher success = SUCCESS_RATIO.matcher(template);
    if (success.matches() && isPart(success.group(1))) {
      return new ErrorRatio(success.group(1), false, null, null, null);
    }
    Matcher failure = FAILURE_RATIO.matcher(template);
    if (failure.matches() && isPart(failure.group(1))) {
      return new ErrorRatio(failure.group(1), true, null, null, null);
    }
    return new ErrorRatio(sample(template), true, null, null, template);
  }

  /** The template's value over the sample window: what tools that do not know the annotation read. */
  private static String sample(String template) {
    return template.replace(EventCount.WINDOW, SAMPLE_WINDOW).strip();
  }

  /** A query the reader takes as written: no placeholder of its own, nothing its stripping would lose. */
  private static boolean isPart(String query) {
    return !query.isEmpty() && !query.contains(EventCount.WINDOW) && query.equals(query.strip());
  }

  /** A number the reader prints back the same way: no exponent, no trailing zeros. */
  private static boolean isPlainNumber(String text) {
    try {
      return new BigDecimal(text).stripTrailingZeros().toPlainString().equals(text);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isSeriesSelector(String query) {
    try {
      Expr expr = PromQL.parse(query);
      return expr instanceof VectorSelector v && v.offset() == null && v.at() == null;
    } catch (PromQLException e) {
      return false;
    }
  }
}
