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

/**
 * JVM saturation as Micrometer's JVM and process binders publish it. Both signals are shares from 0
 * to 1 (unit {@code percentunit}) of the worst instance, so one threshold fits any number of replicas:
 *
 * <pre>{@code
 * .saturation(Jvm.heapUsed(), Jvm.cpu())
 * .alert("CheckoutHeapNearlyFull", a -> a.when(signal("jvm-heap").above(0.9)).lasting("15m")
 *     .severity(Severity.TICKET).summary("A checkout instance has used 90% of its heap for 15 minutes."))
 * }</pre>
 */
public final class Jvm {

  private Jvm() {}

  /**
   * Heap in use over the maximum heap, on the fullest instance. Pools without a maximum report
   * {@code -1} (G1's eden and survivor spaces), so only positive maxima are summed.
   *
   * <p>Reads {@code jvm_memory_used_bytes{area="heap"}} summed per instance over
   * {@code jvm_memory_max_bytes{area="heap"} > 0} summed per instance, and takes the maximum; a
   * {@code SATURATION} signal with id {@code jvm-heap}, recorded as {@code service:jvm_heap:saturation}.
   *
   * @return the preset, bound to the service's selector when the service is built
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

  /**
   * CPU used by the JVM process as a share of the machine's CPU, on the busiest instance.
   *
   * <p>Reads {@code max(process_cpu_usage)}; a {@code SATURATION} signal with id {@code process-cpu},
   * recorded as {@code service:process_cpu:saturation}.
   *
   * @return the preset, bound to the service's selector when the service is built
   */
  public static SignalPreset cpu() {
    return selector -> new Signal(
        "process-cpu",
        SignalKind.SATURATION,
        "CPU used by the JVM process as a share of all CPUs, on the busiest instance.",
        max(Micrometer.series("process_cpu_usage", selector)).toString(),
        "percentunit");
  }
}
