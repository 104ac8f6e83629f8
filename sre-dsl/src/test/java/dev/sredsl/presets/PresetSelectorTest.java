package dev.sredsl.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Service;
import dev.sredsl.model.Signal;
import dev.sredsl.model.Tier;
import dev.sredsl.promql.LabelMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every preset query reads only the service's own series, whatever the order of the declarations. */
class PresetSelectorTest {

  /** A metric name followed by its braces, e.g. {@code process_cpu_usage{job="checkout"}}. */
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

  private static Service declare(Consumer<ServiceBuilder> spec) {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", spec);
    Declarations declarations = sre.declarations();
    assertEquals(List.of(), declarations.problems());
    return declarations.services().get(0);
  }

  private static ServiceBuilder everyPreset(ServiceBuilder s) {
    return s.tier(Tier.CRITICAL)
        .signals(Micrometer.httpServer())
        .saturation(Jvm.heapUsed(), Jvm.cpu(), Hikari.pool("orders"), Hikari.pending("orders"),
            ThreadPool.queue("workers"), Kafka.consumerLag("orders-consumer"))
        .dependency(d -> d.http("payments-api").via(Micrometer.httpClient("payments")))
        .dependency(d -> d.cache("users").via(Micrometer.cache("users")))
        .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")));
  }

  private static List<Signal> allSignals(Service service) {
    List<Signal> all = new ArrayList<>(service.signals());
    service.dependencies().forEach(d -> all.add(d.health()));
    return all;
  }

  /** The matcher lists of every vector selector in the expression. */
  private static List<String> selectorsOf(String expression) {
    List<String> found = new ArrayList<>();
    Matcher m = SELECTOR.matcher(expression);
    while (m.find()) {
      found.add(m.group(2));
    }
    return found;
  }

  @Test
  void everyPresetQueryCarriesTheDefaultJobSelector() {
    Service service = declare(PresetSelectorTest::everyPreset);

    assertEquals(9, allSignals(service).size());
    for (Signal signal : allSignals(service)) {
      List<String> selectors = selectorsOf(signal.expression());
      assertFalse(selectors.isEmpty(), signal.name() + " has no selector: " + signal.expression());
      for (String matchers : selectors) {
        assertTrue(matchers.startsWith("job=\"checkout\""), signal.name() + ": " + signal.expression());
      }
    }
    assertEquals(List.of(LabelMatcher.eq("job", "checkout")), service.requests().filters());
  }

  @Test
  void aSelectorDeclaredAfterThePresetsStillAppliesToEveryQuery() {
    Service service = declare(s -> everyPreset(s)
        .selector(LabelMatcher.eq("namespace", "shop"), LabelMatcher.eq("app", "checkout")));

    for (Signal signal : allSignals(service)) {
      for (String matchers : selectorsOf(signal.expression())) {
        assertTrue(matchers.startsWith("namespace=\"shop\", app=\"checkout\""), signal.name() + ": "
            + signal.expression());
      }
      assertFalse(signal.expression().contains("job="), signal.name() + ": " + signal.expression());
    }
    assertEquals("http_server_requests_seconds_count{namespace=\"shop\", app=\"checkout\", outcome=\"SERVER_ERROR\"}",
        service.requests().failedRequests().toString());
  }

  @Test
  void aSelectorDeclaredBeforeOrAfterThePresetsGivesTheSameService() {
    Service before = declare(s -> everyPreset(s.selector("app", "checkout")));
    Service after = declare(s -> everyPreset(s).selector("app", "checkout"));

    assertEquals(before, after);
  }

  @Test
  void presetExpressionsForTheCustomSelectorAreExact() {
    Service service = declare(s -> s.tier(Tier.HIGH)
        .saturation(Jvm.cpu(), Hikari.pending("orders"))
        .selector("app", "checkout"));

    assertEquals(List.of("max(process_cpu_usage{app=\"checkout\"})",
            "sum(hikaricp_connections_pending{app=\"checkout\", pool=\"orders\"})"),
        service.signals().stream().map(Signal::expression).toList());
  }

  @Test
  void theSelectorOfAServiceDoesNotLeakIntoAnother() {
    SreRegistry sre = new SreRegistry();
    sre.service("checkout", s -> s.tier(Tier.HIGH).saturation(Jvm.cpu()));
    sre.service("payments", s -> s.tier(Tier.HIGH).saturation(Jvm.cpu()));

    assertEquals(List.of("max(process_cpu_usage{job=\"checkout\"})", "max(process_cpu_usage{job=\"payments\"})"),
        sre.declarations().services().stream().map(x -> x.signals().get(0).expression()).toList());
  }
}
