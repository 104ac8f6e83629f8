package dev.sredsl.generate;

/**
 * Settings that come from the build rather than from the definitions.
 *
 * @param runbookBaseUrl where the generated runbooks are published, e.g.
 *     {@code https://github.com/acme/checkout/blob/main/target/sre/runbooks}; {@code null} leaves the
 *     {@code runbook_url} annotation out
 */
public record GenerationSettings(String runbookBaseUrl) {

  public static final GenerationSettings DEFAULTS = new GenerationSettings(null);

  public GenerationSettings {
    if (runbookBaseUrl != null) {
      runbookBaseUrl = runbookBaseUrl.strip();
      while (runbookBaseUrl.endsWith("/")) {
        runbookBaseUrl = runbookBaseUrl.substring(0, runbookBaseUrl.length() - 1);
      }
      if (runbookBaseUrl.isEmpty()) {
        runbookBaseUrl = null;
      }
    }
  }
}
