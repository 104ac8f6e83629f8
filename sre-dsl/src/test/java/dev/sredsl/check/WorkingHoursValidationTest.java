package dev.sredsl.check;

import static dev.sredsl.check.Declared.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A team's working hours: what Alertmanager can read as a time interval, and one set per team. The
 * single-service mistakes are in the bad-input corpus with their exact lines; here the edges.
 */
class WorkingHoursValidationTest {

  private static final WorkingHours BERLIN = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
      .in("Europe/Berlin");

  @Test
  void acceptsHoursUntilMidnightOnAnyDaysInARegion() {
    WorkingHours hours = WorkingHours.on(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(8, 0),
        LocalTime.MIDNIGHT).in(ZoneId.of("America/Argentina/Buenos_Aires"));

    assertEquals(List.of(), problemsOf("checkout", s -> s.tier(Tier.LOW).owner(o -> o.team("x").workingHours(hours))));
    assertEquals("Sat-Sun 08:00-24:00 America/Argentina/Buenos_Aires", hours.summary());
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "America/Port-au-Prince",
      "Etc/GMT+2", "US/Eastern"})
  void acceptsRegionsOfTheTimeZoneDatabase(String zone) {
    assertTrue(WorkingHoursCheck.isRegion(zone), zone);
  }

  /** Java knows them all, but as offsets, old aliases or not at all; Go's time.LoadLocation may not. */
  @ParameterizedTest
  @ValueSource(strings = {"+02:00", "GMT+2", "UTC+2", "Z", "GMT", "CET", "EST", "SystemV/EST5", "Europe/Nowhere",
      "europe/berlin", "Local", "", " Europe/Berlin"})
  void refusesWhatIsNotAnIanaRegion(String zone) {
    assertFalse(WorkingHoursCheck.isRegion(zone), zone);
  }

  @Test
  void aServiceWithoutHoursBesideOneOfTheSameTeamWithHoursIsOneLine() {
    SreRegistry sre = new SreRegistry()
        .service("checkout", s -> s.tier(Tier.LOW).owner(o -> o.team("payments")))
        .service("cart", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(BERLIN)))
        .service("search", s -> s.tier(Tier.LOW).owner(o -> o.team("discovery")));

    assertEquals(List.of("service 'checkout', owner: working hours not declared: service 'cart' of the same team"
        + " 'payments' declares Mon-Fri 09:00-17:00 Europe/Berlin; the team's warnings have one route, so declare the"
        + " same working hours on every service of the team"), problemsOf(sre));
  }

  @Test
  void theTeamsServiceFirstByNameSetsItsHoursForTheOthers() {
    SreRegistry sre = new SreRegistry()
        .service("cart", s -> s.tier(Tier.LOW).owner(o -> o.team("payments")))
        .service("checkout", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(BERLIN)))
        .service("orders", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(BERLIN)));

    assertEquals(List.of(
        "service 'checkout', owner: working hours Mon-Fri 09:00-17:00 Europe/Berlin: service 'cart' of the same team"
            + " 'payments' declares none; the team's warnings have one route, so declare the same working hours on"
            + " every service of the team",
        "service 'orders', owner: working hours Mon-Fri 09:00-17:00 Europe/Berlin: service 'cart' of the same team"
            + " 'payments' declares none; the team's warnings have one route, so declare the same working hours on"
            + " every service of the team"), problemsOf(sre));
  }

  @Test
  void equalHoursBuiltApartAreTheSame() {
    WorkingHours listed = WorkingHours.on(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))
        .in(ZoneId.of("Europe/Berlin"));
    SreRegistry sre = new SreRegistry()
        .service("checkout", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(BERLIN)))
        .service("cart", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(listed)));

    assertEquals(List.of(), problemsOf(sre));
  }

  @Test
  void aControlCharacterInTheZoneStaysEscapedInTheOneLine() {
    List<String> problems = problemsOf("checkout", s -> s.tier(Tier.LOW)
        .owner(o -> o.team("payments").workingHours(BERLIN.in("Europe/Berlin\nERROR fake"))));

    assertEquals(1, problems.size(), problems::toString);
    assertFalse(problems.get(0).contains("\n"), problems.get(0));
    assertTrue(problems.get(0).contains("Europe/Berlin\\u000aERROR fake"), problems.get(0));
  }

  @Test
  void reportsMissingTimesAndAnEndNotOnAWholeMinute() {
    WorkingHours hours = WorkingHours.weekdays(null, LocalTime.of(17, 0, 0, 1)).in("UTC");

    assertEquals(List.of(
        "service 'checkout', owner: working hours Mon-Fri ?-17:00:00.000000001 UTC: the start time is missing; give"
            + " it, e.g. LocalTime.of(9, 0)",
        "service 'checkout', owner: working hours Mon-Fri ?-17:00:00.000000001 UTC: the end 17:00:00.000000001 is not a"
            + " whole minute; Alertmanager takes hours and minutes only, e.g. LocalTime.of(17, 0)"),
        problemsOf("checkout", s -> s.tier(Tier.LOW).owner(o -> o.team("payments").workingHours(hours))));
  }

  @Test
  void theDaysAreRunsOfTheWeekAsEachSideCountsIt() {
    WorkingHours weekend = WorkingHours.on(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
        LocalTime.of(9, 0), LocalTime.of(12, 0)).in("UTC");

    assertEquals(List.of(new WorkingHours.DayRange(DayOfWeek.MONDAY, DayOfWeek.MONDAY),
        new WorkingHours.DayRange(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), weekend.dayRanges(DayOfWeek.MONDAY));
    assertEquals(List.of(new WorkingHours.DayRange(DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
        new WorkingHours.DayRange(DayOfWeek.SATURDAY, DayOfWeek.SATURDAY)), weekend.dayRanges(DayOfWeek.SUNDAY));
    assertEquals("Mon, Sat-Sun 09:00-12:00 UTC", weekend.summary());
  }
}
