package dev.sredsl.diff;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Micrometer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A service whose monitoring a test changes one knob at a time, and the output trees it generates:
 * before/after pairs for the plan's tests.
 */
final class PlanFixtures {

  static final GenerationSettings SETTINGS = new GenerationSettings("https://runbooks.example.com",
      "https://grafana.example.com", Map.of());

  private PlanFixtures() {}

  /**
   * The knobs a case turns; {@link #BASE} holds the baseline's settings. {@link #with} copies, so that
   * a case reads as what it changes: {@code BASE.with(k -> k.errorThreshold(0.1))}.
   */
  static final class Knobs {
    private double errorThreshold = 0.05;
    private String errorWindow = "5m";
    private String errorFor = "2m";
    private Severity errorSeverity = Severity.PAGE;
    private boolean escalation = true;
    private boolean slowAlert = true;
    private double availability = 99.9;
    private boolean pageOnBurn = true;
    private String team = "payments";
    private String onCall = "payments-primary";
    private boolean workingHours;
    private String panelTitle = "Payments by provider";
    private String panelQuery = "sum by (provider) (rate(checkout_payments_total[$__rate_interval]))";
    private boolean runbookStep;
    private Consumer<ServiceBuilder> extra = s -> { };

    Knobs with(Consumer<Knobs> edit) {
      Knobs copy = new Knobs();
      copy.errorThreshold = errorThreshold;
      copy.errorWindow = errorWindow;
      copy.errorFor = errorFor;
      copy.errorSeverity = errorSeverity;
      copy.escalation = escalation;
      copy.slowAlert = slowAlert;
      copy.availability = availability;
      copy.pageOnBurn = pageOnBurn;
      copy.team = team;
      copy.onCall = onCall;
      copy.workingHours = workingHours;
      copy.panelTitle = panelTitle;
      copy.panelQuery = panelQuery;
      copy.runbookStep = runbookStep;
      copy.extra = extra;
      edit.accept(copy);
      return copy;
    }

    void errorThreshold(double v) {
      errorThreshold = v;
    }

    void errorWindow(String v) {
      errorWindow = v;
    }

    void errorFor(String v) {
      errorFor = v;
    }

    void errorSeverity(Severity v) {
      errorSeverity = v;
    }

    void escalation(boolean v) {
      escalation = v;
    }

    void slowAlert(boolean v) {
      slowAlert = v;
    }

    void availability(double v) {
      availability = v;
    }

    void pageOnBurn(boolean v) {
      pageOnBurn = v;
    }

    void team(String v) {
      team = v;
    }

    void onCall(String v) {
      onCall = v;
    }

    void workingHours(boolean v) {
      workingHours = v;
    }

    void panel(String title, String query) {
      panelTitle = title;
      panelQuery = query;
    }

    void runbookStep(boolean v) {
      runbookStep = v;
    }

    void extra(Consumer<ServiceBuilder> v) {
      extra = v;
    }

    String panelTitle() {
      return panelTitle;
    }

    String panelQuery() {
      return panelQuery;
    }
  }

  static final Knobs BASE = new Knobs();

  static Declarations declare(Knobs k) {
    return new SreRegistry().service("checkout", s -> {
      s.description("Takes the basket to a paid order.")
          .tier(Tier.CRITICAL)
          .owner(o -> {
            o.team(k.team).onCall(k.onCall).escalation("payments-secondary").chat("#payments");
            if (k.workingHours) {
              o.workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin"));
            }
          })
          .signals(Micrometer.httpServer())
          .saturation(Jvm.heapUsed(), Hikari.pool("orders"))
          .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")));
      Slo availability = Slo.availability(k.availability);
      s.slo(k.pageOnBurn ? availability : availability.withoutPaging());
      s.alert("CheckoutHighErrorRate", a -> a
          .when(errorRatio().over(k.errorWindow).above(k.errorThreshold))
          .lasting(k.errorFor)
          .severity(k.errorSeverity)
          .summary("Checkout fails too many requests.")
          .runbook(r -> {
            r.symptoms("HTTP 500 at payment confirmation.").diagnose("Split the errors by uri.");
            if (k.runbookStep) {
              r.diagnose("Check the orders-db pool panel.");
            }
            r.mitigate(Step.safe("Roll back."), Step.risky("Restart pods.", "Drops in-flight payments."));
            if (k.escalation) {
              r.escalate("Page payments-secondary after 15 minutes.");
            }
          }));
      if (k.slowAlert) {
        s.alert("CheckoutSlow", a -> a
            .when(latency(0.99).over("10m").above(Duration.ofMillis(750)))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("p99 above 750 ms.")
            .runbook(r -> r.symptoms("Slow checkout.").diagnose("Open the latency panel.")
                .mitigate(Step.safe("Scale out.")).escalate("Page payments-secondary.")));
      }
      s.panel(p -> p.title(k.panelTitle).description("Payments per second by provider.").unit("reqps")
          .query(k.panelQuery));
      k.extra.accept(s);
    }).declarations();
  }

  /** The output a build of these knobs writes, as a tree the plan reads. */
  static OutputTree tree(String label, Knobs k) {
    return tree(label, declare(k));
  }

  static OutputTree tree(String label, Declarations declarations) {
    return tree(label, declarations, Map.of());
  }

  /** As {@link #tree(String, Declarations)}, with further files, e.g. an sre:verify report. */
  static OutputTree tree(String label, Declarations declarations, Map<String, byte[]> extra) {
    Map<String, byte[]> files = new TreeMap<>(extra);
    for (GeneratedFile file : new SrePipeline().generate(declarations, SETTINGS).all()) {
      files.put(file.path(), file.content());
    }
    files.put(OutputWriter.MANIFEST, String.join("\n", files.keySet()).getBytes(StandardCharsets.UTF_8));
    return OutputTree.of(label, files, "sre.diffBaseline");
  }

  static Plan plan(Knobs before, Knobs after) {
    return new MonitoringDiff("sre.diffBaseline").compare(tree("baseline", before), tree("current", after));
  }

  static String markdown(Knobs before, Knobs after) {
    return PlanMarkdown.render(plan(before, after));
  }
}
