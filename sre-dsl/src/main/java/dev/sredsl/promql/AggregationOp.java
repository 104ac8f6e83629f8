package dev.sredsl.promql;

import java.util.Locale;

/** The aggregation operators; four of them take a parameter before the vector. */
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

  /** The type of the parameter, or {@code null} when the operator takes none. */
  public ValueType parameterType() {
    return parameterType;
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
