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

  /**
   * Declares this class's services on {@code sre}. Called once per build, in class-name order among
   * the definitions classes. A service may be declared in one class only; declaring it again, here or
   * in another class, is reported as a problem. An exception this method throws is reported with the
   * class name and line, and the build fails.
   *
   * @param sre the registry to declare services on with {@code sre.service(name, spec)}
   */
  void define(SreRegistry sre);
}
