package dev.sredsl.coverage;

import java.util.List;

/**
 * Covered and missed items of one counter over a scope (a service or the build). Waived items count
 * as covered.
 */
public record CounterValue(int covered, int missed, int waived) {

  static CounterValue of(List<CoverageItem> items) {
    int covered = (int) items.stream().filter(CoverageItem::counts).count();
    int waived = (int) items.stream().filter(CoverageItem::isWaived).count();
    return new CounterValue(covered, items.size() - covered, waived);
  }

  public int total() {
    return covered + missed;
  }

  /** 1 when there is nothing to cover: an empty counter cannot fail a minimum. */
  public double coveredRatio() {
    return total() == 0 ? 1 : (double) covered / total();
  }

  public double missedRatio() {
    return total() == 0 ? 0 : (double) missed / total();
  }
}
