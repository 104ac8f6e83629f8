package dev.sredsl.migrate;

import dev.sredsl.migrate.JavaExpression.Atom;
import dev.sredsl.migrate.JavaExpression.Chain;
import dev.sredsl.migrate.JavaExpression.Invocation;
import dev.sredsl.migrate.JavaExpression.Lambda;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.Service;
import dev.sredsl.model.SloKind;
import dev.sredsl.model.Tier;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.promql.MatchType;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement of {@code define} that declares one service, {@code sre.service("name", s -> s ...)},
 * one builder call per line, with a comment before it on what the team declares next. Covers what a
 * service read from an SLO spec holds (name, description, selector, SLOs) and its tier and owner;
 * throws for any other part rather than leave it out.
 */
final class ServiceDeclaration {

  private static final String INDENT = "    ";
  private static final int CALL_INDENT = 8;

  private final Imports imports;

  ServiceDeclaration(Imports imports) {
    this.imports = imports;
  }

  /**
   * The statement's lines, indented for the body of {@code define}.
   *
   * @param service the service
   * @return the lines, without line ends
   * @throws IllegalArgumentException naming the service and each part the writer cannot express
   */
  List<String> lines(Service service) {
    refuseWhatIsNotWritten(service);
    List<String> lines = new ArrayList<>(nextSteps(service));
    List<Invocation> calls = calls(service);
    String opening = INDENT + "sre.service(" + JavaLiterals.string(service.name()) + ", s -> ";
    if (calls.isEmpty()) {
      lines.add(opening + "{ });");
      return lines;
    }
    lines.add(opening + "s");
    for (int i = 0; i < calls.size(); i++) {
      boolean last = i == calls.size() - 1;
      String call = JavaLayout.render(calls.get(i), CALL_INDENT, CALL_INDENT + 1, last ? 2 : 0);
      lines.add(" ".repeat(CALL_INDENT) + "." + call + (last ? ");" : ""));
    }
    return lines;
  }

  private List<Invocation> calls(Service service) {
    List<Invocation> calls = new ArrayList<>();
    if (service.description() != null) {
      calls.add(Invocation.of("description", new Atom(JavaLiterals.string(service.description()))));
    }
    if (service.tier() != null) {
      calls.add(Invocation.of("tier", new Atom(imports.use(Tier.class) + "." + service.tier().name())));
    }
    if (!Ownership.NONE.equals(service.owner())) {
      calls.add(Invocation.of("owner", owner(service.owner())));
    }
    List<LabelMatcher> defaultSelector = List.of(LabelMatcher.eq("job", service.name() == null ? "" : service.name()));
    if (!defaultSelector.equals(service.selector())) {
      calls.add(new Invocation("selector", selector(service.selector())));
    }
    SloExpression slos = new SloExpression(imports);
    service.slos().forEach(slo -> calls.add(Invocation.of("slo", slos.of(slo))));
    return calls;
  }

  private static JavaExpression owner(Ownership owner) {
    List<Invocation> parts = new ArrayList<>();
    addIfPresent(parts, "team", owner.team());
    addIfPresent(parts, "onCall", owner.onCall());
    addIfPresent(parts, "escalation", owner.escalation());
    addIfPresent(parts, "chat", owner.chat());
    return new Lambda("o", new Chain(new Atom("o"), parts, Integer.MAX_VALUE));
  }

  private static void addIfPresent(List<Invocation> parts, String method, String value) {
    if (value != null) {
      parts.add(Invocation.of(method, new Atom(JavaLiterals.string(value))));
    }
  }

  private List<JavaExpression> selector(List<LabelMatcher> matchers) {
    if (matchers.size() == 1 && matchers.get(0).type() == MatchType.EQUAL) {
      LabelMatcher only = matchers.get(0);
      return List.of(new Atom(JavaLiterals.string(only.name())), new Atom(JavaLiterals.string(only.value())));
    }
    String type = imports.use(LabelMatcher.class);
    List<JavaExpression> arguments = new ArrayList<>();
    for (LabelMatcher matcher : matchers) {
      String factory = switch (matcher.type()) {
        case EQUAL -> "eq";
        case NOT_EQUAL -> "neq";
        case REGEX -> "regex";
        case NOT_REGEX -> "notRegex";
      };
      arguments.add(Invocation.of(type + "." + factory, new Atom(JavaLiterals.string(matcher.name())),
          new Atom(JavaLiterals.string(matcher.value()))));
    }
    return arguments;
  }

  /** What the coverage gate and the request SLOs will ask of the team, as comment lines. */
  private static List<String> nextSteps(Service service) {
    List<String> lines = new ArrayList<>();
    boolean noTier = service.tier() == null;
    boolean noOwner = Ownership.NONE.equals(service.owner());
    if (noTier || noOwner) {
      String required = noTier && noOwner ? "validation requires a tier, and the coverage gate an owner; declare them"
          : noTier ? "validation requires a tier; declare it" : "the coverage gate asks for an owner; declare it";
      lines.add(INDENT + "// Next: " + required + " below, e.g.");
      if (noTier) {
        lines.add(INDENT + "//   .tier(Tier.HIGH)");
      }
      if (noOwner) {
        lines.add(INDENT + "//   .owner(o -> o.team(\"...\").onCall(\"...\").escalation(\"...\"))");
      }
    }
    boolean requestSlos = service.slos().stream().anyMatch(slo -> slo.kind() != SloKind.EVENTS);
    if (requestSlos && service.requests() == null) {
      lines.add(INDENT + "// Availability and latency SLOs measure the service's request metrics: declare them below,");
      lines.add(INDENT + "// e.g. .signals(Micrometer.httpServer()) or .signals(OpenTelemetry.httpServer()).");
    }
    return lines;
  }

  private static void refuseWhatIsNotWritten(Service service) {
    List<String> parts = new ArrayList<>();
    if (service.owner() == null) {
      parts.add("a null owner");
    } else if (service.owner().workingHours() != null) {
      parts.add("the owner's working hours");
    }
    addIf(parts, service.requests() != null, "request metrics");
    addIf(parts, !service.signals().isEmpty(), "signals");
    addIf(parts, !service.dependencies().isEmpty(), "dependencies");
    addIf(parts, !service.alerts().isEmpty(), "alerts");
    addIf(parts, !service.panels().isEmpty(), "panels");
    addIf(parts, service.deployments() != null, "deployments");
    addIf(parts, !service.waivers().isEmpty(), "waivers");
    addIf(parts, service.missingDataAlertsOff() != null, "missing-data alerts switched off");
    addIf(parts, service.targetsDownFor() != null, "a targets-down wait");
    addIf(parts, !service.riskAcknowledgements().isEmpty(), "risk acknowledgements");
    if (!parts.isEmpty()) {
      throw new IllegalArgumentException("service '" + service.name() + "' has " + String.join(", ", parts)
          + ", which the writer does not convert; it writes what an SLO spec gives (description, selector,"
          + " SLOs) and the tier and owner");
    }
  }

  private static void addIf(List<String> parts, boolean present, String part) {
    if (present) {
      parts.add(part);
    }
  }
}
