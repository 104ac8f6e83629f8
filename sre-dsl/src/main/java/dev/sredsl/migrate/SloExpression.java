package dev.sredsl.migrate;

import dev.sredsl.migrate.JavaExpression.Atom;
import dev.sredsl.migrate.JavaExpression.Chain;
import dev.sredsl.migrate.JavaExpression.Invocation;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.EventSli;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.SloKind;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One SLO as the DSL expression that builds it, e.g.
 * {@code Slo.events("runs").bad(...).total(...).percent(99.5)}: the factory of its kind, then a call
 * for each part that differs from what the factory gives. Throws for a part no call can give.
 */
final class SloExpression {

  /** An SLO chain takes a line per call beyond this many calls, as the README writes SLOs. */
  private static final int SLO_CALLS_ON_ONE_LINE = 2;

  private static final int ANY_NUMBER = Integer.MAX_VALUE;

  /** Seconds below which a duration's milliseconds fit in a {@code long}, with room to spare. */
  private static final long MILLIS_FIT_IN_LONG = Long.MAX_VALUE / 1000 - 1;

  private final Imports imports;

  SloExpression(Imports imports) {
    this.imports = imports;
  }

  /**
   * The expression.
   *
   * @param slo the SLO
   * @return e.g. {@code Slo.availability(99.9).over(Duration.ofDays(28))}
   * @throws IllegalArgumentException naming the SLO and the part the DSL cannot express
   */
  JavaExpression of(Slo slo) {
    String where = "slo '" + slo.name() + "'";
    if (slo.kind() == null) {
      throw new IllegalArgumentException(where + " has no kind; the DSL gives every SLO one");
    }
    if (slo.kind() != SloKind.LATENCY && slo.latencyThreshold() != null) {
      throw new IllegalArgumentException(where + " of kind " + slo.kind().label()
          + " has a latency threshold; the DSL gives one to latency SLOs only");
    }
    String type = imports.use(Slo.class);
    List<Invocation> calls = new ArrayList<>();
    JavaExpression head = switch (slo.kind()) {
      case AVAILABILITY -> Invocation.of(type + ".availability", number(slo.objectivePercent()));
      case LATENCY -> Invocation.of(type + ".latency", duration(slo.latencyThreshold()));
      case EVENTS -> Invocation.of(type + ".events", string(slo.name()));
    };
    if (slo.kind() != SloKind.EVENTS && !slo.kind().label().equals(slo.name())) {
      calls.add(Invocation.of("named", string(slo.name())));
    }
    calls.addAll(events(slo, where));
    if (slo.kind() != SloKind.AVAILABILITY && !Double.isNaN(slo.objectivePercent())) {
      calls.add(Invocation.of("percent", number(slo.objectivePercent())));
    }
    if (!Objects.equals(slo.period(), Slo.DEFAULT_PERIOD)) {
      calls.add(Invocation.of("over", duration(slo.period())));
    }
    if (slo.description() != null) {
      calls.add(Invocation.of("describedAs", string(slo.description())));
    }
    if (!slo.pageAlerts()) {
      calls.add(Invocation.of("withoutPaging"));
    }
    if (!slo.ticketAlerts()) {
      calls.add(Invocation.of("withoutTickets"));
    }
    if (!slo.pageWindows().isEmpty()) {
      calls.add(new Invocation("pageWhen", windows(slo.pageWindows(), where + ", page condition")));
    }
    if (!slo.ticketWindows().isEmpty()) {
      calls.add(new Invocation("ticketWhen", windows(slo.ticketWindows(), where + ", ticket condition")));
    }
    if (slo.minimumBadEvents() != Slo.DEFAULT_MINIMUM_BAD_EVENTS) {
      calls.add(Invocation.of("minimumBadEvents", new Atom(Integer.toString(slo.minimumBadEvents()))));
    }
    if (slo.budgetExhaustedTicket()) {
      calls.add(Invocation.of("ticketWhenBudgetExhausted"));
    }
    if (slo.windowForm() != null) {
      calls.add(Invocation.of(slo.windowForm() == SloWindowForm.RAW ? "windowsFromRawSeries" : "windowsFromRecordings"));
    }
    if (!SloAlerting.CONVENTIONAL.equals(slo.alerting())) {
      calls.add(Invocation.of("alerting", alerting(slo.alerting())));
    }
    return new Chain(head, calls, SLO_CALLS_ON_ONE_LINE);
  }

  private List<Invocation> events(Slo slo, String where) {
    EventSli events = slo.events();
    if (slo.kind() != SloKind.EVENTS) {
      if (events != null) {
        throw new IllegalArgumentException(where + " of kind " + slo.kind().label()
            + " counts events; the DSL counts events on Slo.events(...) only");
      }
      return List.of();
    }
    if (events == null) {
      throw new IllegalArgumentException(where + " has no events; the DSL gives every event SLO some");
    }
    List<Invocation> calls = new ArrayList<>();
    if (events.bad() != null) {
      calls.add(Invocation.of("bad", count(events.bad(), where + ", bad events")));
    }
    if (events.good() != null) {
      calls.add(Invocation.of("good", count(events.good(), where + ", good events")));
    }
    if (events.total() != null) {
      calls.add(Invocation.of("total", count(events.total(), where + ", all events")));
    }
    if (events.errorRatio() != null) {
      calls.add(Invocation.of("errorRatio", count(events.errorRatio(), where + ", error ratio")));
    }
    return calls;
  }

  private JavaExpression count(EventCount count, String where) {
    String type = imports.use(EventCount.class);
    if (count instanceof EventCount.Query query) {
      return Invocation.of(type + ".query", string(query.template()));
    }
    EventCount.Counter counter = (EventCount.Counter) count;
    List<Invocation> narrowing = new ArrayList<>();
    for (LabelMatcher matcher : counter.matchers()) {
      String method = switch (matcher.type()) {
        case EQUAL -> "where";
        case NOT_EQUAL -> "whereNot";
        case REGEX -> "matching";
        case NOT_REGEX -> throw new IllegalArgumentException(where + ": the counter's matcher " + matcher
            + " excludes a regex, which EventCount.Counter cannot declare (where, whereNot and matching only)");
      };
      narrowing.add(Invocation.of(method, string(matcher.name()), string(matcher.value())));
    }
    return new Chain(Invocation.of(type + ".counter", string(counter.metric())), narrowing, ANY_NUMBER);
  }

  private List<JavaExpression> windows(List<BurnRateWindow> windows, String where) {
    String type = imports.use(BurnRateWindow.class);
    List<JavaExpression> expressions = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      BurnRateWindow window = windows.get(i);
      String which = where + " #" + (i + 1);
      if (window == null) {
        throw new IllegalArgumentException(which + " is null; the DSL declares conditions only");
      }
      if ((window.burnRate() == null) == (window.budgetPercent() == null)) {
        throw new IllegalArgumentException(which + " gives " + (window.burnRate() == null ? "neither" : "both")
            + " a burn rate and a budget share; BurnRateWindow.of and .spending give exactly one");
      }
      expressions.add(window.burnRate() != null
          ? Invocation.of(type + ".of", duration(window.longWindow()), duration(window.shortWindow()),
              number(window.burnRate()))
          : Invocation.of(type + ".spending", number(window.budgetPercent()), duration(window.longWindow()),
              duration(window.shortWindow())));
    }
    return expressions;
  }

  private JavaExpression alerting(SloAlerting alerting) {
    if (alerting == null) {
      return new Atom("null");
    }
    String type = imports.use(SloAlerting.class);
    JavaExpression head = alerting.pageName() == null && alerting.ticketName() == null
        ? Invocation.of(type + ".conventional")
        : Invocation.of(type + ".named", string(alerting.pageName()), string(alerting.ticketName()));
    List<Invocation> calls = new ArrayList<>();
    entries(calls, "label", alerting.labels());
    entries(calls, "annotation", alerting.annotations());
    entries(calls, "pageLabel", alerting.pageLabels());
    entries(calls, "pageAnnotation", alerting.pageAnnotations());
    entries(calls, "ticketLabel", alerting.ticketLabels());
    entries(calls, "ticketAnnotation", alerting.ticketAnnotations());
    return new Chain(head, calls, SLO_CALLS_ON_ONE_LINE);
  }

  private static void entries(List<Invocation> calls, String method, Map<String, String> entries) {
    entries.forEach((name, value) -> calls.add(Invocation.of(method, string(name), string(value))));
  }

  /**
   * A duration in the largest whole unit that holds it, e.g. {@code Duration.ofDays(28)}, {@code Duration.ofMillis(300)}.
   */
  private JavaExpression duration(Duration duration) {
    if (duration == null) {
      return new Atom("null");
    }
    String type = imports.use(Duration.class);
    if (duration.isZero()) {
      return new Atom(type + ".ZERO");
    }
    long seconds = duration.getSeconds();
    if (duration.getNano() == 0) {
      for (Unit unit : Unit.values()) {
        if (seconds % unit.seconds == 0) {
          return Invocation.of(type + "." + unit.factory, new Atom(JavaLiterals.integer(seconds / unit.seconds)));
        }
      }
    }
    if (duration.getNano() % 1_000_000 == 0 && seconds > -MILLIS_FIT_IN_LONG && seconds < MILLIS_FIT_IN_LONG) {
      return Invocation.of(type + ".ofMillis", new Atom(JavaLiterals.integer(duration.toMillis())));
    }
    return Invocation.of(type + ".ofSeconds", new Atom(JavaLiterals.integer(seconds)),
        new Atom(JavaLiterals.integer(duration.getNano())));
  }

  /** The units a duration is written in, largest first. */
  private enum Unit {
    DAYS("ofDays", 86_400),
    HOURS("ofHours", 3_600),
    MINUTES("ofMinutes", 60),
    SECONDS("ofSeconds", 1);

    private final String factory;
    private final long seconds;

    Unit(String factory, long seconds) {
      this.factory = factory;
      this.seconds = seconds;
    }
  }

  private static JavaExpression string(String value) {
    return new Atom(JavaLiterals.string(value));
  }

  private static JavaExpression number(double value) {
    return new Atom(JavaLiterals.number(value));
  }
}
