/**
 * The typed Java DSL a service team writes: a class implementing {@code SreDefinitions} declares its
 * services on an {@code SreRegistry} with {@code ServiceBuilder} and the nested builders (ownership,
 * dependencies, alerts with {@code Conditions} and runbooks, panels), and the registry turns them into
 * model records. Builders accept what they are given: misuse they notice (a {@code null} element, a
 * service declared twice) and an {@code IllegalArgumentException} thrown while declaring an element (a
 * malformed duration, say) become a {@code Problem} naming the service and the element, and declaring
 * goes on; the rest is checked by validation afterwards, so that one build reports every mistake.
 *
 * <pre>{@code
 * public final class CheckoutMonitoring implements SreDefinitions {
 *   @Override public void define(SreRegistry sre) {
 *     sre.service("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer()));
 *   }
 * }
 * }</pre>
 *
 * <p>May depend on {@code model}, {@code promql}, {@code presets} and {@code problem}.
 */
package dev.sredsl.dsl;
