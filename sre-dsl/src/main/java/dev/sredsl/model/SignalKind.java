package dev.sredsl.model;

/** The four golden signals of the Google SRE book. */
public enum SignalKind {
  LATENCY,
  TRAFFIC,
  ERRORS,
  SATURATION;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
