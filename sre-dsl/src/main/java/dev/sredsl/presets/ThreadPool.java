package dev.sredsl.presets;

import static dev.sredsl.promql.PromQL.add;
import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.max;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.VectorSelector;

/** Executors instrumented with Micrometer's {@code ExecutorServiceMetrics} (label {@code name}). */
public final class ThreadPool {

  private ThreadPool() {}

  /**
   * Tasks queued over the queue's capacity ({@code executor_queued_tasks} plus
   * {@code executor_queue_remaining_tasks}), on the fullest instance: at 1 new tasks are rejected.
   * An unbounded queue reports a huge remaining capacity, so its share stays near 0.
   *
   * <p>A {@code SATURATION} signal with id {@code executor-<name>} (folded to lower case and dashes
   * like the other presets' ids) and unit {@code percentunit}.
   *
   * <pre>{@code
   * .saturation(ThreadPool.queue("workers"))
   * }</pre>
   *
   * @param executorName the name the executor was registered with in {@code ExecutorServiceMetrics},
   *     the value of the {@code name} label
   * @return the preset, bound to the service's selector when the service is built
   */
  public static SignalPreset queue(String executorName) {
    return selector -> {
      LabelMatcher name = LabelMatcher.eq("name", executorName);
      VectorSelector queued = Micrometer.series("executor_queued_tasks", selector, name);
      VectorSelector remaining = Micrometer.series("executor_queue_remaining_tasks", selector, name);
      return new Signal(
          Ids.of("executor", executorName),
          SignalKind.SATURATION,
          "Tasks queued in executor " + executorName + " as a share of its queue capacity, on the fullest instance.",
          max(div(queued, add(queued, remaining))).toString(),
          "percentunit");
    };
  }
}
