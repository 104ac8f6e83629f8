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

  /** The knobs; {@link #BASE} is the baseline every case starts from. */
  record Knobs(double errorThreshold, String errorWindow, String errorFor, Severity errorSeverity,
      boolean escalation, boolean slowAlert, double availability, boolean pageOnBurn, String team, String onCall,
      boolean workingHours, String panelTitle, String panelQuery, boolean runbookStep,
      Consumer<ServiceBuilder> extra) {

    Knobs with(Consumer<KnobEditor> edit) {
      KnobEditor editor = new KnobEditor(this);
      edit.accept(editor);
      return editor.knobs;
    }
  }

  /** Changes knobs by name, so that a case reads as what it changes. */
  static final class KnobEditor {
    Knobs knobs;

    KnobEditor(Knobs knobs) {
      this.knobs = knobs;
    }

    void errorThreshold(double v) {
      knobs = new Knobs(v, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity, knobs.escalation, knobs.slowAlert,
          knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours, knobs.panelTitle,
          knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void errorWindow(String v) {
      knobs = new Knobs(knobs.errorThreshold, v, knobs.errorFor, knobs.errorSeverity, knobs.escalation,
          knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void errorFor(String v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, v, knobs.errorSeverity, knobs.escalation,
          knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void errorSeverity(Severity v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, v, knobs.escalation,
          knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void escalation(boolean v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity, v,
          knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void slowAlert(boolean v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, v, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void availability(double v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, v, knobs.pageOnBurn, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void pageOnBurn(boolean v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, v, knobs.team, knobs.onCall, knobs.workingHours,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void team(String v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, knobs.pageOnBurn, v, knobs.onCall,
          knobs.workingHours, knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void onCall(String v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, v,
          knobs.workingHours, knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void workingHours(boolean v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall, v,
          knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, knobs.extra);
    }

    void panel(String title, String query) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall,
          knobs.workingHours, title, query, knobs.runbookStep, knobs.extra);
    }

    void runbookStep(boolean v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall,
          knobs.workingHours, knobs.panelTitle, knobs.panelQuery, v, knobs.extra);
    }

    void extra(Consumer<ServiceBuilder> v) {
      knobs = new Knobs(knobs.errorThreshold, knobs.errorWindow, knobs.errorFor, knobs.errorSeverity,
          knobs.escalation, knobs.slowAlert, knobs.availability, knobs.pageOnBurn, knobs.team, knobs.onCall,
          knobs.workingHours, knobs.panelTitle, knobs.panelQuery, knobs.runbookStep, v);
    }
  }

  static final Knobs BASE = new Knobs(0.05, "5m", "2m", Severity.PAGE, true, true, 99.9, true, "payments",
      "payments-primary", false, "Payments by provider", "sum by (provider) (rate(checkout_payments_total[$__rate_interval]))",
      false, s -> { });

  static Declarations declare(Knobs k) {
    return new SreRegistry().service("checkout", s -> {
      s.description("Takes the basket to a paid order.")
          .tier(Tier.CRITICAL)
          .owner(o -> {
            o.team(k.team()).onCall(k.onCall()).escalation("payments-secondary").chat("#payments");
            if (k.workingHours()) {
              o.workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin"));
            }
          })
          .signals(Micrometer.httpServer())
          .saturation(Jvm.heapUsed(), Hikari.pool("orders"))
          .dependency(d -> d.database("orders-db").via(Hikari.pool("orders")));
      Slo availability = Slo.availability(k.availability());
      s.slo(k.pageOnBurn() ? availability : availability.withoutPaging());
      s.alert("CheckoutHighErrorRate", a -> a
          .when(errorRatio().over(k.errorWindow()).above(k.errorThreshold()))
          .lasting(k.errorFor())
          .severity(k.errorSeverity())
          .summary("Checkout fails too many requests.")
          .runbook(r -> {
            r.symptoms("HTTP 500 at payment confirmation.").diagnose("Split the errors by uri.");
            if (k.runbookStep()) {
              r.diagnose("Check the orders-db pool panel.");
            }
            r.mitigate(Step.safe("Roll back."), Step.risky("Restart pods.", "Drops in-flight payments."));
            if (k.escalation()) {
              r.escalate("Page payments-secondary after 15 minutes.");
            }
          }));
      if (k.slowAlert()) {
        s.alert("CheckoutSlow", a -> a
            .when(latency(0.99).over("10m").above(Duration.ofMillis(750)))
            .lasting("10m")
            .severity(Severity.TICKET)
            .summary("p99 above 750 ms.")
            .runbook(r -> r.symptoms("Slow checkout.").diagnose("Open the latency panel.")
                .mitigate(Step.safe("Scale out.")).escalate("Page payments-secondary.")));
      }
      s.panel(p -> p.title(k.panelTitle()).description("Payments per second by provider.").unit("reqps")
          .query(k.panelQuery()));
      k.extra().accept(s);
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
