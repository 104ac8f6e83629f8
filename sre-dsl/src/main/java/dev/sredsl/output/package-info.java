/**
 * Generated files in memory and their writer: deterministic bytes, staged and moved into place so that
 * a failed run leaves the last good output intact, stale files of the plugin removed and no other,
 * and the record of inputs behind the up-to-date check.
 *
 * <p>Depends on no other package of {@code dev.sredsl}.
 */
package dev.sredsl.output;
