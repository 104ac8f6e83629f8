package dev.sredsl.check;

import dev.sredsl.problem.Problem;
import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.model.Alert;
import dev.sredsl.model.Condition;
import dev.sredsl.model.Link;
import dev.sredsl.model.Runbook;
import dev.sredsl.model.Service;
import dev.sredsl.model.Step;
import dev.sredsl.promql.PromqlStrings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Checks one alert of a service: name, condition, wait and hold, severity, labels, runbook, waivers. */
final class AlertValidator {

  static final Duration MAX_FOR = Duration.ofDays(1);
  static final Duration MAX_KEEP_FIRING_FOR = Duration.ofDays(1);
  static final Duration MAX_WINDOW = Duration.ofDays(1);

  void validate(Service service, Alert alert, Checks serviceChecks) {
    Checks checks = serviceChecks.element("alert " + Problem.quoteName(alert.name()));
    checks.reportIfNotNull(Names.alertProblem(alert.name()));
    condition(service, alert.condition(), checks);
    if (alert.forDuration() != null) {
      checks.duration("'for'", alert.forDuration(), Duration.ofSeconds(1), MAX_FOR,
          "give a wait such as .lasting(\"5m\"); a condition that must hold for more than a day belongs in an"
              + " SLO's slow-burn alert");
    }
    if (alert.keepFiringFor() != null) {
      checks.duration("keep_firing_for", alert.keepFiringFor(), Duration.ofSeconds(1), MAX_KEEP_FIRING_FOR,
          "give a hold such as .keepFiringFor(\"10m\"); a signal that stays unsettled for more than a day"
              + " needs a longer rate window or an SLO, not a longer hold");
    }
    if (alert.severity() == null) {
      checks.report("severity is missing; add .severity(Severity.PAGE), (Severity.TICKET) or (Severity.INFO)");
    }
    checks.optionalText("summary", alert.summary());
    checks.optionalText("description", alert.description());
    labels(alert.labels(), checks);
    if (alert.runbook() != null) {
      runbook(alert.runbook(), checks.element("runbook"));
    }
    alert.waivers().forEach(w -> DefinitionValidator.waiver(w, checks.element("waiver")));
  }

  private static void condition(Service service, Condition condition, Checks checks) {
    if (condition == null) {
      checks.report("condition is missing; add .when(...), e.g. .when(errorRatio().over(\"5m\").above(0.05))");
      return;
    }
    // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed type.
    if (condition instanceof Condition.ErrorRatio c) {
      window(c.window(), checks);
      // Strictly below 1: no share of requests can be above all of them, so such an alert never fires.
      if (!(c.threshold() > 0 && c.threshold() < 1)) {
        checks.report("error ratio threshold must be between 0 and 1, both excluded (0.05 means 5%), was "
            + c.threshold());
      }
      requireRequests(service, "an error-ratio condition", checks);
    } else if (condition instanceof Condition.LatencyQuantile c) {
      window(c.window(), checks);
      if (!(c.quantile() > 0 && c.quantile() < 1)) {
        checks.report("latency quantile must be between 0 and 1, both excluded (0.99 for p99), was " + c.quantile()
            + (c.quantile() > 1 && c.quantile() < 100 ? "; did you mean " + c.quantile() / 100 + "?" : ""));
      }
      checks.duration("latency threshold", c.threshold(), Duration.ofMillis(1), Duration.ofMinutes(10),
          "give the latency above which to alert, e.g. Duration.ofMillis(500)");
      requireRequests(service, "a latency condition", checks);
      if (service.requests() != null && !service.requests().hasHistogram()) {
        checks.report("a latency condition needs histogram buckets, and request metrics "
            + service.requests().source() + " have none");
      }
    } else if (condition instanceof Condition.Traffic c) {
      window(c.window(), checks);
      if (!(c.requestsPerSecond() >= 0) || Double.isInfinite(c.requestsPerSecond())) {
        checks.report("requests per second must be a finite number of at least 0, was " + c.requestsPerSecond());
      } else if (c.comparison() == dev.sredsl.model.Comparison.BELOW && c.requestsPerSecond() == 0) {
        checks.report("traffic below 0 requests per second never happens; give a positive rate, e.g. below(0.1)");
      }
      requireRequests(service, "a traffic condition", checks);
    } else if (condition instanceof Condition.SignalThreshold c) {
      if (c.signal() == null || service.signal(c.signal()).isEmpty()) {
        checks.report("condition refers to signal " + Problem.quoteName(c.signal())
            + ", which the service does not declare; declare it with .saturation(...), .signal(...) or a"
            + " dependency's .via(...), or use a declared one (" + signalNames(service) + ")");
      }
      if (!Double.isFinite(c.threshold())) {
        checks.report("signal threshold must be a finite number, was " + c.threshold());
      }
    } else if (condition instanceof Condition.Raw c) {
      checks.requiredText("PromQL condition", c.expression(),
        "write the expression, e.g. promql(\"up{job=\\\"checkout\\\"} == 0\")");
      checks.promql("PromQL condition", c.expression());
    }
  }

  private static void window(Duration window, Checks checks) {
    checks.duration("window", window, Duration.ofSeconds(1), MAX_WINDOW,
        "give the rate window, e.g. over(\"5m\"); use an SLO for windows longer than a day");
  }

  private static void requireRequests(Service service, String what, Checks checks) {
    if (service.requests() == null) {
      checks.report(what + " needs request metrics; add .signals(Micrometer.httpServer()) or another"
          + " request-metrics preset to the service");
    }
  }

  private static String signalNames(Service service) {
    List<String> names = service.signals().stream().map(s -> s.name()).filter(java.util.Objects::nonNull).toList();
    List<String> health = service.dependencies().stream()
        .filter(d -> d.health() != null && d.health().name() != null).map(d -> d.health().name()).toList();
    List<String> all = new java.util.ArrayList<>(names);
    all.addAll(health);
    return all.isEmpty() ? "none" : String.join(", ", all);
  }

  static void labels(Map<String, String> labels, Checks checks) {
    labels(labels, checks, "label");
  }

  /** @param method the builder method that sets the labels, for the fix, e.g. {@code pageLabel} */
  static void labels(Map<String, String> labels, Checks checks, String method) {
    labels.forEach((name, value) -> {
      if (!PromqlStrings.isLabelName(name) || name.startsWith("__")) {
        checks.report("label name " + Problem.quoteName(name) + " is not valid: use letters, digits and"
            + " underscores, not starting with a digit or '__'");
      } else if (GeneratedLabels.ALL.contains(name)) {
        checks.report("label '" + name + "' is set from the definition; remove ." + method + "(\"" + name + "\", ...)");
      }
      if (value == null || value.isBlank()) {
        checks.report("label " + Problem.quoteName(name) + " has no value; give one or remove the label");
      } else {
        checks.unicode("label " + Problem.quoteName(name), value);
      }
    });
  }

  private static void runbook(Runbook runbook, Checks checks) {
    texts("a symptom", runbook.symptoms(), checks);
    texts("a diagnosis step", runbook.diagnosis(), checks);
    texts("an escalation criterion", runbook.escalation(), checks);
    for (Step step : runbook.mitigations()) {
      checks.requiredText("mitigation action", step.action(), "say what to do");
      if (step.isRisky() && step.risk().isBlank()) {
        checks.report("risky step " + Problem.quoteName(step.action())
            + " does not state its risk; write Step.risky(action, risk)");
      }
    }
    for (Link link : runbook.links()) {
      checks.requiredText("link title", link.title(), "give the link a title");
      checks.unicode("link URL", link.url());
      if (link.url() == null || link.url().isBlank()) {
        checks.report("link " + Problem.quoteName(link.title()) + " has no URL; give an absolute https URL");
      } else if (!isWebAddress(link.url())) {
        checks.report("link " + Problem.quoteName(link.title()) + ": " + Problem.quoteName(link.url())
            + " is not an absolute http or https URL; write the whole address, e.g. https://grafana.example.com/d/abc");
      }
    }
  }

  private static void texts(String what, List<String> texts, Checks checks) {
    for (String text : texts) {
      if (text.isBlank()) {
        checks.report(what + " is blank; write it out or remove it");
      }
      checks.unicode(what, text);
    }
  }

  private static boolean isWebAddress(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
