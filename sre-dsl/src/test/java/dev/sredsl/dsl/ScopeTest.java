package dev.sredsl.dsl;

import dev.sredsl.problem.ElementProblems;
import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.problem.Problem;
import dev.sredsl.model.Alert;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Hikari;
import dev.sredsl.promql.PromDuration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An IllegalArgumentException inside a builder lambda becomes a problem naming the service and the element;
 * the half-built element is dropped and declaring goes on.
 */
class ScopeTest {

  private static final String NOT_A_DURATION =
      " is not a Prometheus duration; write a number and a unit (ms, s, m, h, d, w, y), e.g. 5m or 1h30m";

  private static List<String> lines(Declarations declarations) {
    return declarations.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void namesTheServiceForAMistakeInTheServiceLambdaAndDropsTheService() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .slo(Slo.availability(99.9).over(PromDuration.parse("4 weeks"))));
    sre.service("payments", s -> s.tier(Tier.HIGH));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout': '4 weeks'" + NOT_A_DURATION), lines(declarations));
    assertEquals(List.of("payments"), declarations.services().stream().map(Service::name).toList());
  }

  @Test
  void namesTheAlertForAMistakeInTheAlertLambdaAndKeepsTheOtherAlerts() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .alert("CheckoutHighErrorRate", a -> a.when(errorRatio().above(0.05)).lasting("5 minutes"))
        .alert("CheckoutNoTraffic", a -> a.severity(Severity.PAGE)));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout', alert 'CheckoutHighErrorRate': '5 minutes'" + NOT_A_DURATION),
        lines(declarations));
    assertEquals(List.of("CheckoutNoTraffic"),
        declarations.services().get(0).alerts().stream().map(Alert::name).toList());
  }

  @Test
  void namesTheAlertForAZeroConditionWindow() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .alert("CheckoutHighErrorRate", a -> a.when(errorRatio().over("0m").above(0.05))));

    assertEquals(List.of("service 'checkout', alert 'CheckoutHighErrorRate': '0m' is a zero duration; give a"
        + " positive one, e.g. 5m"), lines(sre.declarations()));
  }

  @Test
  void namesAlertAndRunbookForAMistakeInTheRunbookLambdaAndKeepsTheAlert() {
    String minutesFromConfig = "fifteen";
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .alert("CheckoutHighErrorRate", a -> a
            .runbook(r -> r
                .symptoms("Customers see HTTP 500.")
                .escalate("Page payments-secondary after " + Integer.parseInt(minutesFromConfig) + " minutes."))
            .severity(Severity.PAGE)));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout', alert 'CheckoutHighErrorRate', runbook: For input string:"
        + " \"fifteen\""), lines(declarations));
    Alert alert = declarations.services().get(0).alerts().get(0);
    assertEquals(Severity.PAGE, alert.severity());
  }

  /** User code that rejects its input the way the JDK does, with a message that is the same on every JDK. */
  private static String hostOf(String url) {
    if (url.contains(" ")) {
      throw new IllegalArgumentException("no host in " + url);
    }
    return url;
  }

  @Test
  void namesTheDependencyByPositionAndDropsIt() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")))
        .dependency(d -> d.http(hostOf("http://payments api:8080"))));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout', dependency #2: no host in http://payments api:8080"),
        lines(declarations));
    assertEquals(List.of("orders-db"),
        declarations.services().get(0).dependencies().stream().map(d -> d.name()).toList());
  }

  @Test
  void numbersDependenciesInDeclarationOrderEvenWhenOneIsDropped() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders" + Integer.parseInt("one"))))
        .dependency(d -> d.cache("sessions").via(Hikari.pool("sessions" + Integer.parseInt("two")))));

    assertEquals(List.of(
            "service 'checkout', dependency #1: For input string: \"one\"",
            "service 'checkout', dependency #2: For input string: \"two\""),
        lines(sre.declarations()));
  }

  @Test
  void namesTheOwnerForAMistakeInTheOwnerLambda() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall(rotationFor("payments", 0))));

    assertEquals(List.of("service 'checkout', owner: no rotation with index 0 for team payments"),
        lines(sre.declarations()));
  }

  @Test
  void reportsAMissingAlertDeclarationAndDropsTheAlert() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL).alert("CheckoutHighErrorRate", null));

    Declarations declarations = sre.declarations();

    assertEquals(List.of("service 'checkout', alert 'CheckoutHighErrorRate': the declaration is missing; pass a"
        + " lambda such as x -> x...."), lines(declarations));
    assertEquals(List.of(), declarations.services().get(0).alerts());
  }

  @Test
  void reportsMissingOwnerAndRunbookDeclarations() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .owner(null)
        .alert("CheckoutHighErrorRate", a -> a.runbook(null)));

    assertEquals(List.of(
            "service 'checkout', owner: the declaration is missing; pass a lambda such as x -> x....",
            "service 'checkout', alert 'CheckoutHighErrorRate', runbook: the declaration is missing; pass a lambda"
                + " such as x -> x...."),
        lines(sre.declarations()));
  }

  @Test
  void reportsEveryMistakeOfOneBuildNotOnlyTheFirst() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.CRITICAL)
        .alert("CheckoutHighErrorRate", a -> a.lasting("5 min"))
        .alert("CheckoutSlowRequests", a -> a.runbook(r -> r.mitigate(Step.safe("Wait " + PromDuration.parse("")))))
        .alert("CheckoutNoTraffic", a -> a.lasting("10m")));
    sre.service("payments", s -> s.tier(Tier.HIGH).alert("PaymentsDown", a -> a.lasting("1 hour")));

    assertEquals(List.of(
            "service 'checkout', alert 'CheckoutHighErrorRate': '5 min'" + NOT_A_DURATION,
            "service 'checkout', alert 'CheckoutSlowRequests', runbook: ''" + NOT_A_DURATION,
            "service 'payments', alert 'PaymentsDown': '1 hour'" + NOT_A_DURATION),
        lines(sre.declarations()));
  }

  @Test
  void letsOtherExceptionsThroughAsProgrammingErrors() {
    SreRegistry sre = new SreRegistry();
    IllegalStateException thrown = new IllegalStateException("not configured");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> sre.service("checkout", s -> {
          throw thrown;
        }));

    assertSame(thrown, e);
  }

  @Test
  void nestedScopesJoinTheirElementsWithCommas() {
    List<Problem> problems = new ArrayList<>();
    Scope service = new Scope(new ElementProblems("checkout", null, problems));

    service.report("tier is missing");
    service.nested("alert 'HighErrors'").report("severity is missing");
    service.nested("alert 'HighErrors'").nested("runbook").report("a symptom is blank");

    assertEquals(List.of(
            "service 'checkout': tier is missing",
            "service 'checkout', alert 'HighErrors': severity is missing",
            "service 'checkout', alert 'HighErrors', runbook: a symptom is blank"),
        problems.stream().map(Problem::toString).toList());
  }

  @Test
  void runSaysWhetherTheDeclarationRanToItsEnd() {
    List<Problem> problems = new ArrayList<>();
    Scope scope = new Scope(new ElementProblems("checkout", "owner", problems));
    StringBuilder builder = new StringBuilder();

    assertTrue(scope.run(builder, b -> b.append("ran")));
    assertFalse(scope.run(builder, b -> {
      throw new IllegalArgumentException("bad");
    }));
    assertFalse(scope.run(builder, null));
    assertEquals("ran", builder.toString());
    assertEquals(List.of(
            "service 'checkout', owner: bad",
            "service 'checkout', owner: the declaration is missing; pass a lambda such as x -> x...."),
        problems.stream().map(Problem::toString).toList());
  }

  private static String rotationFor(String team, int index) {
    if (index < 1) {
      throw new IllegalArgumentException("no rotation with index " + index + " for team " + team);
    }
    return team + "-" + index;
  }
}
