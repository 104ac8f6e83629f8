package dev.sredsl.dsl;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sredsl.problem.Problem;
import dev.sredsl.model.Alert;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Dependency;
import dev.sredsl.model.DependencyKind;
import dev.sredsl.model.Link;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.model.Waiver;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the builders put into the model. */
class ServiceBuilderTest {

  private static Service declare(String name, Consumer<ServiceBuilder> spec) {
    SreRegistry sre = new SreRegistry();
    sre.service(name, spec);
    Declarations declarations = sre.declarations();
    assertEquals(List.of(), declarations.problems());
    return declarations.services().get(0);
  }

  @Test
  void selectsTheServiceByJobNamedAfterItByDefault() {
    Service service = declare("checkout", s -> s.tier(Tier.LOW).signals(Micrometer.httpServer()));

    assertEquals(List.of(LabelMatcher.eq("job", "checkout")), service.selector());
    assertEquals(List.of(LabelMatcher.eq("job", "checkout")), service.requests().filters());
  }

  @Test
  void replacesTheDefaultSelectorWithTheDeclaredOne() {
    Service service = declare("checkout", s -> s.tier(Tier.LOW)
        .selector(LabelMatcher.eq("namespace", "shop"), LabelMatcher.eq("app", "checkout")));

    assertEquals(List.of(LabelMatcher.eq("namespace", "shop"), LabelMatcher.eq("app", "checkout")),
        service.selector());
  }

  @Test
  void lastSelectorDeclarationWins() {
    Service service = declare("checkout", s -> s.tier(Tier.LOW).selector("app", "old").selector("app", "checkout"));

    assertEquals(List.of(LabelMatcher.eq("app", "checkout")), service.selector());
  }

  @Test
  void reportsRequestMetricsDeclaredTwice() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.LOW)
        .signals(Micrometer.httpServer())
        .signals(OpenTelemetry.httpServer()));

    assertEquals(List.of("service 'checkout': request metrics are declared twice (micrometer-http-server and"
            + " opentelemetry-http-server); declare one request-metrics preset per service"),
        sre.declarations().problems().stream().map(Problem::toString).toList());
  }

  @Test
  void keepsDescriptionTierAndOwnership() {
    Service service = declare("checkout", s -> s
        .description("Takes the basket to a paid order.")
        .tier(Tier.CRITICAL)
        .owner(o -> o.team("payments").onCall("payments-primary").escalation("payments-secondary")
            .chat("#payments-oncall")));

    assertEquals("Takes the basket to a paid order.", service.description());
    assertEquals(Tier.CRITICAL, service.tier());
    assertEquals(new Ownership("payments", "payments-primary", "payments-secondary", "#payments-oncall"),
        service.owner());
  }

  @Test
  void hasNoOwnershipUntilDeclared() {
    assertSame(Ownership.NONE, declare("checkout", s -> s.tier(Tier.LOW)).owner());
  }

  @Test
  void keepsEveryPartOfAnAlert() {
    LocalDate expires = LocalDate.of(2027, 1, 15);
    Service service = declare("checkout", s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer())
        .alert("CheckoutHighErrorRate", a -> a
            .when(errorRatio().above(0.05))
            .lasting("5m")
            .severity(Severity.PAGE)
            .summary("Checkout fails.")
            .description("{{ $value }} failed.")
            .label("routing_key", "payments")
            .label("channel", "pager")
            .waive(CoverageCounter.RUNBOOK, "Written next sprint.", expires)));

    Alert alert = service.alerts().get(0);

    assertEquals("CheckoutHighErrorRate", alert.name());
    assertEquals(errorRatio().above(0.05), alert.condition());
    assertEquals(Duration.ofMinutes(5), alert.forDuration());
    assertEquals(Severity.PAGE, alert.severity());
    assertEquals("Checkout fails.", alert.summary());
    assertEquals("{{ $value }} failed.", alert.description());
    assertEquals(List.of("channel", "routing_key"), List.copyOf(alert.labels().keySet()));
    assertEquals(Map.of("channel", "pager", "routing_key", "payments"), alert.labels());
    assertNull(alert.runbook());
    assertEquals(List.of(new Waiver(CoverageCounter.RUNBOOK, "Written next sprint.", expires)), alert.waivers());
  }

  @Test
  void keepsRunbookStepsInTheOrderOfTheCalls() {
    Service service = declare("checkout", s -> s.tier(Tier.CRITICAL)
        .alert("CheckoutHighErrorRate", a -> a.runbook(r -> r
            .symptoms("HTTP 500.", "Failed orders.")
            .diagnose("Split errors by uri.")
            .mitigate(Step.safe("Roll back."))
            .diagnose("Check the deployment markers.")
            .mitigate(Step.risky("Restart pods.", "Drops in-flight payments."), Step.safe("Scale out."))
            .escalate("Page payments-secondary.")
            .link("Status", "https://status.example.com"))));

    Runbook runbook = service.alerts().get(0).runbook();

    assertEquals(List.of("HTTP 500.", "Failed orders."), runbook.symptoms());
    assertEquals(List.of("Split errors by uri.", "Check the deployment markers."), runbook.diagnosis());
    assertEquals(List.of(new Step("Roll back.", null), new Step("Restart pods.", "Drops in-flight payments."),
        new Step("Scale out.", null)), runbook.mitigations());
    assertEquals(List.of("Page payments-secondary."), runbook.escalation());
    assertEquals(List.of(new Link("Status", "https://status.example.com")), runbook.links());
  }

  @Test
  void keepsAHandWrittenDependencyHealthSignalAsWritten() {
    Signal health = Signal.custom(SignalKind.ERRORS, "payments-api-errors",
        "sum(rate(payments_client_errors_total[5m]))");
    Service service = declare("checkout", s -> s.tier(Tier.HIGH).selector("app", "checkout")
        .dependency(d -> d.http("payments-api").description("The payment provider.").health(health)));

    assertEquals(List.of(new Dependency("payments-api", DependencyKind.HTTP, "The payment provider.", health)),
        service.dependencies());
  }

  @Test
  void keepsSignalsAndSlosInDeclarationOrder() {
    Signal queue = Signal.custom(SignalKind.SATURATION, "queue-depth", "sum(queue_depth)");
    Signal orders = Signal.custom(SignalKind.TRAFFIC, "orders-placed", "sum(rate(orders_total[5m]))");
    Service service = declare("checkout", s -> s.tier(Tier.CRITICAL)
        .signal(queue)
        .signal(orders)
        .slo(Slo.latency(Duration.ofMillis(300)).percent(99))
        .slo(Slo.availability(99.9)));

    assertEquals(List.of(queue, orders), service.signals());
    assertEquals(List.of("latency", "availability"), service.slos().stream().map(Slo::name).toList());
  }

  @Test
  void keepsServiceWaivers() {
    LocalDate expires = LocalDate.of(2027, 3, 31);
    Service service = declare("checkout", s -> s.tier(Tier.CRITICAL)
        .waive(CoverageCounter.SLO, "Being agreed with product.", expires));

    assertEquals(List.of(new Waiver(CoverageCounter.SLO, "Being agreed with product.", expires)), service.waivers());
  }
}
