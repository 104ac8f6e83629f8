package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;

/**
 * One thing a coverage counter counts, e.g. one alert for {@code RUNBOOK}.
 *
 * @param service the service it belongs to
 * @param name what it is, e.g. the alert's name or {@code saturation}
 * @param missing what is missing, in words, e.g. "no runbook"; empty when covered
 * @param waiver the reason of the waiver that counts it as covered, or {@code null}
 */
public record CoverageItem(CoverageCounter counter, String service, String name, String missing, String waiver) {

  /** Covered, or missed but waived. */
  public boolean counts() {
    return missing.isEmpty() || waiver != null;
  }

  public boolean isWaived() {
    return !missing.isEmpty() && waiver != null;
  }
}
