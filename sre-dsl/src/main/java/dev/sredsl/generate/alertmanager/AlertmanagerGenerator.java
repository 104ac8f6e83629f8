package dev.sredsl.generate.alertmanager;

import dev.sredsl.generate.AlertmanagerSettings;
import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.generate.Yaml;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.output.GeneratedFile;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code alertmanager/routes.yml}: a complete Alertmanager configuration for the alerts the
 * Prometheus rules generator writes. Those alerts carry {@code service}, {@code severity} and, when the
 * service has one, {@code team}; burn-rate alerts also carry {@code slo}.
 *
 * <ul>
 *   <li>The root route groups by {@code [alertname, service]} and sends to the default receiver, which
 *       thereby gets the alerts of services without a team.
 *   <li>One route per team (sorted, each once) matches {@code team}, and below it one route per
 *       severity: {@code critical} to the team's page receiver, {@code warning} to its ticket receiver,
 *       {@code info} to its chat receiver.
 *   <li>A team with working hours gets a time interval {@code <team>-working-hours}, and its warning route
 *       is active only within it. Outside, the route still takes the team's warnings (they do not fall
 *       through to another receiver) but sends nothing: a warning still firing when the hours begin is
 *       sent at the group's next flush, within {@code group_interval}; one that resolves outside them is
 *       dropped at the next flush and never sent. Pages and info messages go out at any time.
 *   <li>An inhibit rule mutes a service's warning of an SLO while a critical alert of the same SLO fires.
 *   <li>Every receiver appears once, with its name only: a placeholder, since secrets (webhook URLs,
 *       API keys) do not belong in generated files.
 * </ul>
 */
public final class AlertmanagerGenerator {

  /** Where the configuration is written, relative to the output folder. */
  public static final String FILE = "alertmanager/routes.yml";

  /** The severities in the order their routes are written. */
  private static final List<Severity> SEVERITIES = List.of(Severity.PAGE, Severity.TICKET, Severity.INFO);

  public GeneratedFile generate(List<Service> services) {
    return generate(services, AlertmanagerSettings.DEFAULTS);
  }

  public GeneratedFile generate(List<Service> services, AlertmanagerSettings settings) {
    AlertmanagerSettings s = settings == null ? AlertmanagerSettings.DEFAULTS : settings;
    Set<String> teams = new TreeSet<>();
    Set<String> withoutTeam = new TreeSet<>();
    for (Service service : services) {
      String team = team(service);
      if (team == null) {
        withoutTeam.add(service.name());
      } else {
        teams.add(team);
      }
    }
    Map<String, WorkingHours> hoursByTeam = workingHours(services);

    Set<String> receivers = new LinkedHashSet<>();
    receivers.add(s.defaultReceiver());
    List<Object> teamRoutes = new ArrayList<>();
    for (String team : teams) {
      List<Object> severityRoutes = new ArrayList<>();
      for (Severity severity : SEVERITIES) {
        String receiver = s.receiver(severity, team);
        receivers.add(receiver);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("matchers", List.of(matcher(GeneratedLabels.SEVERITY, "=", severity.label())));
        route.put("receiver", receiver);
        if (severity == Severity.TICKET && hoursByTeam.containsKey(team)) {
          route.put("active_time_intervals", List.of(timeIntervalName(team)));
        }
        severityRoutes.add(route);
      }
      Map<String, Object> teamRoute = new LinkedHashMap<>();
      teamRoute.put("matchers", List.of(matcher(GeneratedLabels.TEAM, "=", team)));
      teamRoute.put("routes", severityRoutes);
      teamRoutes.add(teamRoute);
    }

    Map<String, Object> route = new LinkedHashMap<>();
    route.put("receiver", s.defaultReceiver());
    route.put("group_by", List.of(GeneratedLabels.ALERTNAME, GeneratedLabels.SERVICE));
    if (!teamRoutes.isEmpty()) {
      route.put("routes", teamRoutes);
    }

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("route", route);
    config.put("inhibit_rules", List.of(sloInhibition()));
    config.put("receivers", receivers.stream().map(AlertmanagerGenerator::receiver).toList());
    if (!hoursByTeam.isEmpty()) {
      List<Object> intervals = new ArrayList<>();
      hoursByTeam.forEach((team, hours) -> intervals.add(timeInterval(team, hours)));
      config.put("time_intervals", intervals);
    }
    return GeneratedFile.text(FILE, header(s, withoutTeam, !hoursByTeam.isEmpty()) + Yaml.write(config));
  }

  /**
   * The name of the team's working-hours time interval: {@code <team>-working-hours}. Distinct teams give
   * distinct names, since the suffix is the same for all.
   */
  static String timeIntervalName(String team) {
    return team + "-working-hours";
  }

  /**
   * The working hours of each team that declares some, by team in sorted order. Validation makes all
   * services of a team declare the same; should they not, the service first by name decides, so that the
   * output does not depend on the order of the services.
   */
  static Map<String, WorkingHours> workingHours(List<Service> services) {
    Map<String, WorkingHours> byTeam = new TreeMap<>();
    services.stream().sorted(Comparator.comparing(Service::name, Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(service -> {
          String team = team(service);
          if (team != null && service.owner().workingHours() != null) {
            byTeam.putIfAbsent(team, service.owner().workingHours());
          }
        });
    return byTeam;
  }

  /**
   * The team's time interval: its days as Alertmanager's week runs (Sunday first, so a range never wraps,
   * e.g. {@code monday:friday}), the times as {@code HH:MM} ({@code 24:00} for the end of the day) and
   * the IANA location in which they are read.
   */
  private static Map<String, Object> timeInterval(String team, WorkingHours hours) {
    List<String> weekdays = new ArrayList<>();
    for (WorkingHours.DayRange range : hours.dayRanges(DayOfWeek.SUNDAY)) {
      weekdays.add(range.first() == range.last() ? dayName(range.first())
          : dayName(range.first()) + ":" + dayName(range.last()));
    }
    Map<String, Object> times = new LinkedHashMap<>();
    times.put("start_time", clock(hours.start()));
    times.put("end_time", hours.untilMidnight() ? "24:00" : clock(hours.end()));
    Map<String, Object> when = new LinkedHashMap<>();
    when.put("weekdays", weekdays);
    when.put("times", List.of(times));
    when.put("location", hours.zone());
    Map<String, Object> interval = new LinkedHashMap<>();
    interval.put("name", timeIntervalName(team));
    interval.put("time_intervals", List.of(when));
    return interval;
  }

  private static String dayName(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT);
  }

  private static String clock(LocalTime time) {
    return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
  }

  /**
   * A critical alert of an SLO inhibits the warnings of the same service and SLO: the slow burn says
   * nothing new while the fast burn pages. Both sides must carry {@code slo}, because Alertmanager
   * counts a label missing on both alerts as equal, which would let any critical alert of a service
   * mute all of its warnings.
   */
  private static Map<String, Object> sloInhibition() {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("source_matchers", List.of(matcher(GeneratedLabels.SEVERITY, "=", Severity.PAGE.label()), matcher(GeneratedLabels.SLO, "=~", ".+")));
    rule.put("target_matchers", List.of(matcher(GeneratedLabels.SEVERITY, "=", Severity.TICKET.label()), matcher(GeneratedLabels.SLO, "=~", ".+")));
    rule.put("equal", List.of(GeneratedLabels.SERVICE, GeneratedLabels.SLO));
    return rule;
  }

  private static Map<String, Object> receiver(String name) {
    Map<String, Object> receiver = new LinkedHashMap<>();
    receiver.put("name", name);
    return receiver;
  }

  /** The team label the rules put on the service's alerts; {@code null} when they carry none. */
  static String team(Service service) {
    String team = service.owner() == null ? null : service.owner().team();
    // Prometheus drops a label with an empty value, so a blank team routes like no team.
    return team == null || team.isBlank() ? null : team;
  }

  /**
   * A matcher in Alertmanager's {@code matchers} syntax, the value double-quoted with backslash,
   * double quote and newline escaped, so that any team name (commas, spaces, quotes) stays one value.
   */
  static String matcher(String label, String operator, String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '"' -> quoted.append("\\\"");
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c);
      }
    }
    return label + operator + quoted.append('"');
  }

  private static String header(AlertmanagerSettings settings, Set<String> withoutTeam, boolean workingHours) {
    StringBuilder h = new StringBuilder();
    h.append("# Generated by sre-dsl from the services' definitions; edit those, not this file.\n");
    h.append("#\n");
    h.append("# Routes each team's alerts by severity: critical to ").append(settings.pageReceiver())
        .append(", warning to ").append(settings.ticketReceiver())
        .append(", info to ").append(settings.chatReceiver()).append(".\n");
    h.append("# Everything else goes to ").append(settings.defaultReceiver()).append(".\n");
    if (!withoutTeam.isEmpty()) {
      h.append("# Services without a team, routed to ").append(settings.defaultReceiver()).append(": ")
          .append(String.join(", ", withoutTeam)).append(".\n");
    }
    if (workingHours) {
      h.append("#\n");
      h.append("# Teams with working hours get warnings only within them (time_intervals, active_time_intervals).\n");
      h.append("# Outside them the warning route holds the alert: one still firing when the hours begin is sent\n");
      h.append("# at the group's next flush (within group_interval); one that resolves outside them is never sent.\n");
      h.append("# Critical and info alerts are sent at any time.\n");
    }
    h.append("#\n");
    h.append("# The receivers are PLACEHOLDERS: each has a name only, which Alertmanager accepts but which\n");
    h.append("# notifies nobody. Fill them in where secrets are kept, never in this file: e.g. merge this\n");
    h.append("# file with your receiver settings when deploying (Prometheus Operator AlertmanagerConfig,\n");
    h.append("# Helm values) or render it into a templated Secret that adds the webhook URLs and keys.\n");
    h.append("\n");
    return h.toString();
  }
}
