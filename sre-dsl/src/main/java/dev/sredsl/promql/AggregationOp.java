package dev.sredsl.promql;

import java.util.Locale;

/**
 * The aggregation operators; four of them take a parameter before the vector: {@code topk},
 * {@code bottomk} and {@code quantile} a scalar, {@code count_values} a string. Each constant stands
 * for the keyword of the same name in lower case; {@link #keyword()} gives it.
 */
public enum AggregationOp {
  SUM, AVG, COUNT, MIN, MAX, GROUP, STDDEV, STDVAR,
  TOPK(ValueType.SCALAR), BOTTOMK(ValueType.SCALAR), QUANTILE(ValueType.SCALAR), COUNT_VALUES(ValueType.STRING);

  private final ValueType parameterType;

  AggregationOp() {
    this(null);
  }

  AggregationOp(ValueType parameterType) {
    this.parameterType = parameterType;
  }

  /**
   * The type of the parameter, or {@code null} when the operator takes none.
   *
   * @return {@code SCALAR} for {@code topk}, {@code bottomk}, {@code quantile}; {@code STRING} for
   *     {@code count_values}; otherwise {@code null}
   */
  public ValueType parameterType() {
    return parameterType;
  }

  /**
   * The operator as written in PromQL.
   *
   * @return the lower-case keyword, e.g. {@code count_values}
   */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
