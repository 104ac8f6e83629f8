package dev.sredsl.generate.prometheus;

import java.time.Duration;

/**
 * What Prometheus' rate() and increase() return for a counter that grows steadily and is sampled
 * every minute from time 0, computed with the same floating-point steps as Prometheus 2.x
 * (extrapolatedRate), so that values shown in alert text can be predicted to the last digit.
 */
final class PrometheusRate {

  private static final long STEP_SECONDS = 60;

  private PrometheusRate() {}

  static double rate(double perSecond, Duration window, Duration evalTime) {
    return extrapolated(perSecond, window, evalTime, true);
  }

  static double increase(double perSecond, Duration window, Duration evalTime) {
    return extrapolated(perSecond, window, evalTime, false);
  }

  private static double extrapolated(double perSecond, Duration window, Duration evalTime, boolean isRate) {
    long end = evalTime.toSeconds();
    long start = end - window.toSeconds();
    // Samples at multiples of the step within [start, end]; the range is closed in Prometheus 2.x.
    long first = Math.max(0, Math.floorDiv(start + STEP_SECONDS - 1, STEP_SECONDS) * STEP_SECONDS);
    long last = Math.floorDiv(end, STEP_SECONDS) * STEP_SECONDS;
    long samples = (last - first) / STEP_SECONDS + 1;
    if (samples < 2) {
      return Double.NaN;
    }
    double firstValue = perSecond * first;
    double resultValue = perSecond * last - firstValue;
    double durationToStart = (double) (first - start);
    double durationToEnd = (double) (end - last);
    double sampledInterval = (double) (last - first);
    double averageDurationBetweenSamples = sampledInterval / (samples - 1);
    if (resultValue > 0 && firstValue >= 0) {
      double durationToZero = sampledInterval * (firstValue / resultValue);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    double extrapolationThreshold = averageDurationBetweenSamples * 1.1;
    double extrapolateToInterval = sampledInterval;
    extrapolateToInterval += durationToStart < extrapolationThreshold ? durationToStart : averageDurationBetweenSamples / 2;
    extrapolateToInterval += durationToEnd < extrapolationThreshold ? durationToEnd : averageDurationBetweenSamples / 2;
    double factor = extrapolateToInterval / sampledInterval;
    if (isRate) {
      factor /= (double) window.toSeconds();
    }
    return resultValue * factor;
  }
}
