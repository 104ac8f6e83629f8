/**
 * The Alertmanager routing tree derived from ownership and severity, with the inhibit rule that
 * silences an SLO's ticket while its page fires.
 *
 * <p>May depend on {@code generate}, {@code model}, {@code conventions} and {@code output}.
 */
package dev.sredsl.generate.alertmanager;
