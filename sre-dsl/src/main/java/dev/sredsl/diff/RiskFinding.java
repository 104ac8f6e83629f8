package dev.sredsl.diff;

/**
 * A change that reduces protection, as the plan lists it at the top.
 *
 * @param risk its kind
 * @param service the service it is in
 * @param element the element the definitions acknowledge it on: an alert's or SLO's name, or
 *     {@code ownership}
 * @param text what happened, in words, e.g. "error ratio above 5% over 5m → above 10% over 5m"
 * @param acknowledgement the reason the definitions give for it, or {@code null} when none
 */
public record RiskFinding(Risk risk, String service, String element, String text, String acknowledgement) {

  public boolean isAcknowledged() {
    return acknowledgement != null;
  }

  /** The risk as a log line: service, kind and what happened, without Markdown. */
  public String line() {
    return service + ": " + risk.phrase() + ": " + text.replace("`", "");
  }
}
