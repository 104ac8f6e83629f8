package dev.sredsl.check;

import dev.sredsl.model.Ownership;
import dev.sredsl.model.Service;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.problem.Problem;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A team's working hours, which become an Alertmanager time interval on the team's warning route:
 * each problem is one line starting {@code working hours <as declared>:}.
 */
final class WorkingHoursCheck {

  /**
   * An IANA region id, {@code Area/Location}: what Go's {@code time.LoadLocation} finds in the time zone
   * database. Java also accepts offsets ({@code +02:00}, {@code GMT+2}) and old aliases
   * ({@code CET}, {@code SystemV/EST5}) that Alertmanager cannot load or that ignore daylight saving.
   */
  private static final Pattern REGION = Pattern.compile("[A-Z][A-Za-z_-]*(/[A-Za-z0-9_+-]+)+");

  private WorkingHoursCheck() {}

  /** The hours of one service's owner; {@code checks} is the owner element. */
  static void validate(Ownership owner, Checks checks) {
    WorkingHours hours = owner.workingHours();
    if (hours == null) {
      return;
    }
    String what = "working hours " + shown(hours) + ": ";
    if (owner.team() == null || owner.team().isBlank()) {
      checks.report(what + "they apply to the team's warning route, but no team is declared; add .team(...) or remove"
          + " the working hours");
    }
    if (hours.days().isEmpty()) {
      checks.report(what + "no day of the week is given; name the days, e.g. WorkingHours.weekdays(...) for Monday"
          + " to Friday");
    }
    boolean timesGiven = time(what, "start", hours.start(), checks) & time(what, "end", hours.end(), checks);
    if (timesGiven && !hours.untilMidnight() && !hours.end().isAfter(hours.start())) {
      checks.report(what + "they end " + (hours.end().equals(hours.start()) ? "when" : "before") + " they start;"
          + " give an end later on the same day, or LocalTime.MIDNIGHT to work until the end of the day (hours"
          + " across midnight are not supported)");
    }
    if (hours.zone() == null || hours.zone().isBlank()) {
      checks.report(what + "the time zone is missing; add .in(\"Europe/Berlin\") with the team's IANA time zone, or"
          + " .in(\"UTC\")");
    } else if (!isRegion(hours.zone())) {
      checks.report(what + "time zone " + Problem.quoteName(hours.zone()) + " is not an IANA region Alertmanager can"
          + " load; name one such as 'Europe/Berlin' or 'America/New_York', or 'UTC'");
    }
  }

  /** The hours as declared, a control character in the zone escaped so that the message stays one line. */
  private static String shown(WorkingHours hours) {
    if (hours.zone() == null) {
      return hours.summary();
    }
    String quoted = Problem.quoteName(hours.zone());
    return hours.in(quoted.substring(1, quoted.length() - 1)).summary();
  }

  /** @return whether the time is given; when it is not a whole minute, that is reported too */
  private static boolean time(String what, String name, LocalTime time, Checks checks) {
    if (time == null) {
      checks.report(what + "the " + name + " time is missing; give it, e.g. LocalTime.of(9, 0)");
      return false;
    }
    if (time.getSecond() != 0 || time.getNano() != 0) {
      checks.report(what + "the " + name + " " + time + " is not a whole minute; Alertmanager takes hours and minutes"
          + " only, e.g. LocalTime.of(" + time.getHour() + ", " + time.getMinute() + ")");
    }
    return true;
  }

  /** Whether Alertmanager, and Java, know the zone as a region of the IANA time zone database. */
  static boolean isRegion(String zone) {
    return "UTC".equals(zone) || (REGION.matcher(zone).matches() && !zone.startsWith("SystemV/")
        && ZoneId.getAvailableZoneIds().contains(zone));
  }

  /**
   * For every team: its first service (services come sorted by name), whose hours the others must
   * repeat. A team has one warning route, so one set of hours; a service that declares none
   * beside one that declares some would silently take them.
   */
  static Map<String, Service> firstOfEachTeam(List<Service> services) {
    Map<String, Service> first = new LinkedHashMap<>();
    for (Service service : services) {
      String team = service.owner().team();
      if (team != null && !team.isBlank()) {
        first.putIfAbsent(team, service);
      }
    }
    return first;
  }

  /** One line for a service whose hours differ from those of the first service of its team. */
  static void sameAsTeam(Service service, Map<String, Service> firstOfTeam, Checks checks) {
    String team = service.owner().team();
    Service first = team == null ? null : firstOfTeam.get(team);
    if (first == null || first == service) {
      return;
    }
    WorkingHours own = service.owner().workingHours();
    WorkingHours theirs = first.owner().workingHours();
    if (!Objects.equals(own, theirs)) {
      checks.report("working hours " + (own == null ? "not declared" : shown(own)) + ": service "
          + Problem.quoteName(first.name()) + " of the same team " + Problem.quoteName(team) + " declares "
          + (theirs == null ? "none" : shown(theirs)) + "; the team's warnings have one route, so declare the same"
          + " working hours on every service of the team");
    }
  }
}
