package dev.sredsl.promql;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;

/**
 * The functions PromQL knows, with their signatures, as of Prometheus 2.42 (the version the generated
 * rules are checked against); names are case-sensitive.
 */
public final class Functions {

  private static final Map<String, Function> BY_NAME = new TreeMap<>();

  static {
    add(new Function("abs", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("absent", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("absent_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("acos", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("acosh", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("asin", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("asinh", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("atan", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("atanh", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("avg_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("ceil", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("changes", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("clamp", List.of(ValueType.INSTANT_VECTOR, ValueType.SCALAR, ValueType.SCALAR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("clamp_max", List.of(ValueType.INSTANT_VECTOR, ValueType.SCALAR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("clamp_min", List.of(ValueType.INSTANT_VECTOR, ValueType.SCALAR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("cos", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("cosh", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("count_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("day_of_month", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("day_of_week", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("day_of_year", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("days_in_month", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("deg", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("delta", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("deriv", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("exp", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("floor", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("histogram_count", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("histogram_fraction", List.of(ValueType.SCALAR, ValueType.SCALAR, ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("histogram_quantile", List.of(ValueType.SCALAR, ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("histogram_sum", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("holt_winters", List.of(ValueType.RANGE_VECTOR, ValueType.SCALAR, ValueType.SCALAR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("hour", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("idelta", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("increase", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("irate", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("label_join", List.of(ValueType.INSTANT_VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING), -1, ValueType.INSTANT_VECTOR));
    add(new Function("label_replace", List.of(ValueType.INSTANT_VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING, ValueType.STRING), 0, ValueType.INSTANT_VECTOR));
    add(new Function("last_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("ln", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("log10", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("log2", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("max_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("min_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("minute", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("month", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("pi", List.of(), 0, ValueType.SCALAR));
    add(new Function("predict_linear", List.of(ValueType.RANGE_VECTOR, ValueType.SCALAR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("present_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("quantile_over_time", List.of(ValueType.SCALAR, ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("rad", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("rate", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("resets", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("round", List.of(ValueType.INSTANT_VECTOR, ValueType.SCALAR), 1, ValueType.INSTANT_VECTOR));
    add(new Function("scalar", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.SCALAR));
    add(new Function("sgn", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("sin", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("sinh", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("sort", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("sort_desc", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("sqrt", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("stddev_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("stdvar_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("sum_over_time", List.of(ValueType.RANGE_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("tan", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("tanh", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("time", List.of(), 0, ValueType.SCALAR));
    add(new Function("timestamp", List.of(ValueType.INSTANT_VECTOR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("vector", List.of(ValueType.SCALAR), 0, ValueType.INSTANT_VECTOR));
    add(new Function("year", List.of(ValueType.INSTANT_VECTOR), 1, ValueType.INSTANT_VECTOR));
  }

  private Functions() {}

  private static void add(Function function) {
    BY_NAME.put(function.name(), function);
  }

  /**
   * The function of that name, for names that come from input.
   *
   * @param name a function name, case-sensitive, e.g. {@code rate}
   * @return the function's signature, or empty when PromQL has no such function
   */
  public static Optional<Function> get(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The function of that name; for builders, where the name is a constant.
   *
   * @param name a function name, case-sensitive, e.g. {@code histogram_quantile}
   * @return the function's signature
   * @throws IllegalArgumentException if PromQL has no function of that name
   */
  public static Function of(String name) {
    return get(name).orElseThrow(() -> new IllegalArgumentException("no PromQL function named '" + name + "'"));
  }

  /**
   * Every function, sorted by name.
   *
   * @return an unmodifiable view from name to signature
   */
  public static Map<String, Function> all() {
    return java.util.Collections.unmodifiableMap(BY_NAME);
  }
}
