package dev.sredsl.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sredsl.problem.Problem;
import dev.sredsl.model.Service;
import dev.sredsl.model.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SreRegistryTest {

  /** The payments team's definitions. */
  public static final class PaymentsDefinitions implements SreDefinitions {
    @Override
    public void define(SreRegistry sre) {
      sre.service("payments", s -> s.tier(Tier.CRITICAL));
      sre.service("checkout", s -> s.tier(Tier.CRITICAL));
    }
  }

  /** A second class that declares checkout again, e.g. left over from a move between modules. */
  public static final class LegacyCheckoutDefinitions implements SreDefinitions {
    @Override
    public void define(SreRegistry sre) {
      sre.service("checkout", s -> s.tier(Tier.LOW));
    }
  }

  /** One class that declares checkout twice. */
  public static final class CheckoutTwice implements SreDefinitions {
    @Override
    public void define(SreRegistry sre) {
      sre.service("checkout", s -> s.tier(Tier.CRITICAL));
      sre.service("checkout", s -> s.tier(Tier.LOW));
    }
  }

  private static List<String> lines(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  private static List<String> names(Declarations declarations) {
    return declarations.services().stream().map(Service::name).toList();
  }

  @Test
  void listsServicesSortedByName() {
    SreRegistry sre = new SreRegistry();
    sre.service("search", s -> s.tier(Tier.LOW));
    sre.service("checkout", s -> s.tier(Tier.CRITICAL));
    sre.service("payments", s -> s.tier(Tier.HIGH));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("checkout", "payments", "search"), names(declarations));
    assertEquals(List.of(), declarations.problems());
  }

  @Test
  void reportsAServiceDeclaredTwiceAndKeepsTheFirstDeclaration() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL));
    sre.service("checkout", s -> s.tier(Tier.LOW));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout': declared twice in the definitions; declare each service once"),
        lines(declarations.problems()));
    assertEquals(1, declarations.services().size());
    assertEquals(Tier.CRITICAL, declarations.services().get(0).tier());
  }

  @Test
  void namesTheClassThatDeclaresAServiceTwice() {
    SreRegistry sre = new SreRegistry();
    sre.collect(new CheckoutTwice());

    assertEquals(List.of("service 'checkout': declared twice in dev.sredsl.dsl.SreRegistryTest$CheckoutTwice;"
        + " declare each service once"), lines(sre.declarations().problems()));
  }

  @Test
  void namesBothClassesWhenTwoDefinitionsDeclareTheSameService() {
    SreRegistry sre = new SreRegistry();
    sre.collect(new PaymentsDefinitions());
    sre.collect(new LegacyCheckoutDefinitions());

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout': declared in both dev.sredsl.dsl.SreRegistryTest$PaymentsDefinitions"
        + " and dev.sredsl.dsl.SreRegistryTest$LegacyCheckoutDefinitions; declare each service in one place"),
        lines(declarations.problems()));
    assertEquals(List.of("checkout", "payments"), names(declarations));
    assertEquals(Tier.CRITICAL, declarations.services().get(0).tier());
  }

  @Test
  void reportsEachFurtherDeclarationOfTheSameService() {
    SreRegistry sre = new SreRegistry();
    sre.collect(new PaymentsDefinitions());
    sre.collect(new LegacyCheckoutDefinitions());
    sre.collect(new CheckoutTwice());

    assertEquals(List.of(
            "service 'checkout': declared in both dev.sredsl.dsl.SreRegistryTest$PaymentsDefinitions and"
                + " dev.sredsl.dsl.SreRegistryTest$LegacyCheckoutDefinitions; declare each service in one place",
            "service 'checkout': declared in both dev.sredsl.dsl.SreRegistryTest$PaymentsDefinitions and"
                + " dev.sredsl.dsl.SreRegistryTest$CheckoutTwice; declare each service in one place",
            "service 'checkout': declared in both dev.sredsl.dsl.SreRegistryTest$PaymentsDefinitions and"
                + " dev.sredsl.dsl.SreRegistryTest$CheckoutTwice; declare each service in one place"),
        lines(sre.declarations().problems()));
  }

  @Test
  void reportsAMissingServiceDeclarationAndDropsTheService() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", null);

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout': the declaration is missing; pass a lambda such as x -> x...."),
        lines(declarations.problems()));
    assertEquals(List.of(), declarations.services());
  }

  @Test
  void keepsProblemsReportedOutsideAnyService() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.LOW));
    sre.report(Problem.of(null, null, "definitions class com.acme.Broken failed in define()"));

    assertEquals(List.of("definitions class com.acme.Broken failed in define()"),
        lines(sre.declarations().problems()));
  }

  @Test
  void declarationsAreASnapshotThatLaterDeclarationsDoNotChange() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.LOW));
    Declarations before = sre.declarations();

    sre.service("payments", s -> s.tier(Tier.LOW));
    sre.service("checkout", s -> s.tier(Tier.LOW));

    assertEquals(List.of("checkout"), names(before));
    assertEquals(List.of(), before.problems());
  }

  @Test
  void keepsAServiceNamedNullApartFromAnUnnamedOne() {
    SreRegistry sre = new SreRegistry();
    sre.service(null, s -> s.tier(Tier.LOW));
    sre.service("null", s -> s.tier(Tier.LOW));

    Declarations declarations = sre.declarations();

    assertEquals(List.of(), lines(declarations.problems()));
    assertEquals(2, declarations.services().size());
  }
}
