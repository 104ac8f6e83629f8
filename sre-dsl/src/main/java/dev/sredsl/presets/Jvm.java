package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.max;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.sum;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.BinaryOp;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;

/** JVM saturation as Micrometer's JVM and process binders publish it. */
public final class Jvm {

  private Jvm() {}

  /**
   * Heap in use over the maximum heap, on the fullest instance. Pools without a maximum report
   * {@code -1} (G1's eden and survivor spaces), so only positive maxima are summed.
   */
  public static SignalPreset heapUsed() {
    return selector -> {
      LabelMatcher heap = LabelMatcher.eq("area", "heap");
      VectorSelector used = Micrometer.series("jvm_memory_used_bytes", selector, heap);
      VectorSelector limit = Micrometer.series("jvm_memory_max_bytes", selector, heap);
      return new Signal(
          "jvm-heap",
          SignalKind.SATURATION,
          "Heap in use as a share of the maximum heap, on the fullest instance.",
          max(div(sum(used).by("instance"), sum(binary(BinaryOp.GT, limit, number(0))).by("instance"))).toString(),
          "percentunit");
    };
  }

  /** CPU used by the JVM process as a share of the machine's CPU, on the busiest instance. */
  public static SignalPreset cpu() {
    return selector -> new Signal(
        "process-cpu",
        SignalKind.SATURATION,
        "CPU used by the JVM process as a share of all CPUs, on the busiest instance.",
        max(Micrometer.series("process_cpu_usage", selector)).toString(),
        "percentunit");
  }
}
