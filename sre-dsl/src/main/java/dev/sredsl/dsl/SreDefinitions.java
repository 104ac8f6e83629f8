package dev.sredsl.dsl;

/**
 * Implemented by a service repository's class that declares its services. The build finds every
 * implementation among the project's compiled classes without registration; the class needs a public
 * no-argument constructor.
 *
 * <pre>{@code
 * public final class CheckoutMonitoring implements SreDefinitions {
 *   @Override public void define(SreRegistry sre) {
 *     sre.service("checkout", s -> s.tier(Tier.CRITICAL).owner(o -> o.team("payments")));
 *   }
 * }
 * }</pre>
 */
public interface SreDefinitions {

  void define(SreRegistry sre);
}
