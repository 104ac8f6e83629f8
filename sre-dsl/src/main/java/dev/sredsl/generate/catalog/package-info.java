/**
 * Backstage catalog entries ({@code Component}) with owner, tier and links to the generated artifacts.
 *
 * <p>May depend on {@code generate}, {@code model}, {@code conventions} and {@code output}.
 */
package dev.sredsl.generate.catalog;
