package dev.sredsl.presets;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.Selector;

/** JVM saturation as Micrometer's JVM and process binders publish it. */
public final class Jvm {

  private Jvm() {}

  /**
   * Heap in use over the maximum heap, on the fullest instance. Pools without a maximum report
   * {@code -1} (G1's eden and survivor spaces), so only positive maxima are summed.
   */
  public static SignalPreset heapUsed() {
    return selector -> {
      Selector used = new Selector("jvm_memory_used_bytes", Micrometer.with(selector, LabelMatcher.eq("area", "heap")));
      Selector max = new Selector("jvm_memory_max_bytes", Micrometer.with(selector, LabelMatcher.eq("area", "heap")));
      return new Signal(
          "jvm-heap",
          SignalKind.SATURATION,
          "Heap in use as a share of the maximum heap, on the fullest instance.",
          "max(sum by (instance) (" + used + ") / sum by (instance) (" + max + " > 0))",
          "percentunit");
    };
  }

  /** CPU used by the JVM process as a share of the machine's CPU, on the busiest instance. */
  public static SignalPreset cpu() {
    return selector -> new Signal(
        "process-cpu",
        SignalKind.SATURATION,
        "CPU used by the JVM process as a share of all CPUs, on the busiest instance.",
        "max(" + new Selector("process_cpu_usage", selector) + ")",
        "percentunit");
  }
}
