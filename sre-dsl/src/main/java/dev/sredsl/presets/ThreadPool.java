package dev.sredsl.presets;

import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.Selector;

/** Executors instrumented with Micrometer's {@code ExecutorServiceMetrics} (label {@code name}). */
public final class ThreadPool {

  private ThreadPool() {}

  /**
   * Tasks queued over the queue's capacity ({@code executor_queued_tasks} plus
   * {@code executor_queue_remaining_tasks}), on the fullest instance: at 1 new tasks are rejected.
   */
  public static SignalPreset queue(String executorName) {
    return selector -> {
      LabelMatcher name = LabelMatcher.eq("name", executorName);
      Selector queued = new Selector("executor_queued_tasks", Micrometer.with(selector, name));
      Selector remaining = new Selector("executor_queue_remaining_tasks", Micrometer.with(selector, name));
      return new Signal(
          Ids.of("executor", executorName),
          SignalKind.SATURATION,
          "Tasks queued in executor " + executorName + " as a share of its queue capacity, on the fullest instance.",
          "max(" + queued + " / (" + queued + " + " + remaining + "))",
          "percentunit");
    };
  }
}
