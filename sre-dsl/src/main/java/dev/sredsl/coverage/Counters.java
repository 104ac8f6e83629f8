package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;

/** Counters in the words of messages and reports. */
public final class Counters {

  private Counters() {}

  public static String words(CoverageCounter counter) {
    return switch (counter) {
      case RUNBOOK -> "runbook coverage";
      case SIGNALS -> "golden signal coverage";
      case DEPENDENCIES -> "dependency coverage";
      case SLO -> "SLO coverage";
      case OWNERSHIP -> "ownership coverage";
      case ALERT_HYGIENE -> "alert hygiene coverage";
      case MISSING_DATA -> "missing-data coverage";
    };
  }

  /** How a missed item of the counter is introduced in a message: "alerts without a runbook: ...". */
  static String missedItems(CoverageCounter counter) {
    return switch (counter) {
      case RUNBOOK -> "alerts without a complete runbook";
      case SIGNALS -> "golden signals missing";
      case DEPENDENCIES -> "dependencies without a health signal";
      case SLO -> "missing";
      case OWNERSHIP -> "missing";
      case ALERT_HYGIENE -> "alerts lacking severity, summary or 'for'";
      case MISSING_DATA -> "paging alerts whose inputs no missing-data alert watches";
    };
  }
}
