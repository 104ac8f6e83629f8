/**
 * Markdown runbooks rendered from FreeMarker templates in a sandbox: a page per service with a section
 * per alert (its anchor is what the alert's {@code runbook_url} points to), and an index. Template
 * failures are problems of the definitions, reported by the validation stage.
 *
 * <p>May depend on {@code generate}, {@code generate.prometheus} (the alerts a runbook lists),
 * {@code model}, {@code promql}, {@code conventions}, {@code output} and {@code problem}.
 */
package dev.sredsl.generate.runbook;
