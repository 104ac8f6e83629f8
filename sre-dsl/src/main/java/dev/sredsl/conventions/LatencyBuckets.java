package dev.sredsl.conventions;

import dev.sredsl.promql.LabelMatcher;
import java.math.BigDecimal;
import java.time.Duration;

/** How a latency threshold names its histogram bucket: read by the SLO rules and the missing-data watch. */
public final class LatencyBuckets {

  private LatencyBuckets() {}

  /**
   * The {@code le} matcher of a bucket boundary. Clients print whole numbers of seconds as "1" or
   * "1.0" (and Prometheus 3 rewrites them to "1.0"), so those match either way.
   */
  public static LabelMatcher bound(Duration threshold) {
    BigDecimal seconds = BigDecimal.valueOf(threshold.toNanos(), 9).stripTrailingZeros();
    if (seconds.scale() > 0) {
      return LabelMatcher.eq("le", seconds.toPlainString());
    }
    return LabelMatcher.regex("le", seconds.setScale(0).toPlainString() + "(\\.0)?");
  }
}
