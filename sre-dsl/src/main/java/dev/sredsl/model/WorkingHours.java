package dev.sredsl.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a team works: the same span of the day on each of some days of the week, in the team's time
 * zone. The team's tickets ({@code severity="warning"}) reach it only then; pages reach it at any
 * time. Instances are immutable; the factory methods and the wither read as the DSL:
 *
 * <pre>{@code
 * WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).in("Europe/Berlin")
 * WorkingHours.on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.MIDNIGHT)
 *     .in(ZoneId.of("Europe/London"))
 * }</pre>
 *
 * <p>Nothing is checked when working hours are built; validation rejects a time zone that is not an
 * IANA region Alertmanager can load (such as {@code Europe/Berlin}, or {@code UTC}), an end that is
 * not after the start, times that are not whole minutes, and an empty set of days.
 *
 * @param days the days of the week, in week order; empty when none is given
 * @param start when the working day begins, inclusive
 * @param end when it ends, exclusive; {@link LocalTime#MIDNIGHT} means the end of the day (24:00)
 * @param zone the IANA time zone id, e.g. {@code Europe/Berlin}; {@code null} until given
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, String zone) {

  /** Copies the days into an immutable set in week order, Monday first. */
  public WorkingHours {
    days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
  }

  /**
   * Monday to Friday, from {@code start} to {@code end}; give the time zone with {@link #in(String)}.
   *
   * @param start when the working day begins, e.g. {@code LocalTime.of(9, 0)}
   * @param end when it ends, e.g. {@code LocalTime.of(17, 0)}; {@link LocalTime#MIDNIGHT} for the end
   *     of the day
   * @return the working hours, without a time zone yet
   */
  public static WorkingHours weekdays(LocalTime start, LocalTime end) {
    return new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end, null);
  }

  /**
   * The given days, from {@code start} to {@code end}; give the time zone with {@link #in(String)}.
   *
   * @param days the days of the week, e.g. {@code EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)}
   * @param start when the working day begins
   * @param end when it ends; {@link LocalTime#MIDNIGHT} for the end of the day
   * @return the working hours, without a time zone yet
   * @throws IllegalArgumentException when {@code days} is {@code null} or holds {@code null}
   */
  public static WorkingHours on(Collection<DayOfWeek> days, LocalTime start, LocalTime end) {
    // Not days.contains(null): immutable collections such as Set.of() throw on it.
    if (days == null || days.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("working hours: the days of the week are null or hold a null; name the"
          + " days, e.g. EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)");
    }
    return new WorkingHours(days.isEmpty() ? Set.of() : EnumSet.copyOf(days), start, end, null);
  }

  /**
   * The same hours in another time zone.
   *
   * @param zoneId an IANA time zone id, e.g. {@code Europe/Berlin} or {@code UTC}
   * @return a copy in that time zone
   */
  public WorkingHours in(String zoneId) {
    return new WorkingHours(days, start, end, zoneId);
  }

  /**
   * The same hours in another time zone.
   *
   * @param zone a region such as {@code ZoneId.of("Europe/Berlin")}; a fixed offset such as
   *     {@code +02:00} is refused by validation, since it ignores daylight saving time and Alertmanager
   *     cannot load it
   * @return a copy in that time zone
   */
  public WorkingHours in(ZoneId zone) {
    return in(zone == null ? null : zone.getId());
  }

  /**
   * Whether the hours last until the end of the day, written {@code 24:00} by Alertmanager.
   *
   * @return {@code true} when the end is {@link LocalTime#MIDNIGHT}
   */
  public boolean untilMidnight() {
    return LocalTime.MIDNIGHT.equals(end);
  }

  /**
   * The days as runs of consecutive days, e.g. Monday to Friday and Sunday; a run does not wrap around
   * the end of the week.
   *
   * @param firstDayOfWeek the day a week starts with: {@code MONDAY} as ISO-8601 counts, {@code SUNDAY}
   *     as Alertmanager counts (it refuses a range such as {@code saturday:monday})
   * @return the runs, in week order
   */
  public List<DayRange> dayRanges(DayOfWeek firstDayOfWeek) {
    List<DayRange> ranges = new ArrayList<>();
    DayOfWeek first = null;
    DayOfWeek last = null;
    for (int i = 0; i < 7; i++) {
      DayOfWeek day = firstDayOfWeek.plus(i);
      if (days.contains(day)) {
        first = first == null ? day : first;
        last = day;
      } else if (first != null) {
        ranges.add(new DayRange(first, last));
        first = null;
      }
    }
    if (first != null) {
      ranges.add(new DayRange(first, last));
    }
    return ranges;
  }

  /**
   * The hours as people read them, e.g. {@code Mon-Fri 09:00-17:00 Europe/Berlin}; the end of the day is
   * {@code 24:00}, missing parts read {@code (no day)}, {@code ?} and {@code (no time zone)}.
   *
   * @return one line of text
   */
  public String summary() {
    List<String> runs = dayRanges(DayOfWeek.MONDAY).stream().map(DayRange::summary).toList();
    return (runs.isEmpty() ? "(no day)" : String.join(", ", runs)) + " " + time(start, false) + "-"
        + time(end, true) + " " + (zone == null ? "(no time zone)" : zone);
  }

  /** HH:mm, with seconds when it has any; {@code 24:00} for an end at midnight. */
  private static String time(LocalTime time, boolean isEnd) {
    if (time == null) {
      return "?";
    }
    if (isEnd && time.equals(LocalTime.MIDNIGHT)) {
      return "24:00";
    }
    return time.getSecond() == 0 && time.getNano() == 0 ? String.format(Locale.ROOT, "%02d:%02d",
        time.getHour(), time.getMinute()) : time.toString();
  }

  /**
   * Consecutive days of the week, from {@code first} to {@code last}, both included.
   *
   * @param first the first day of the run
   * @param last the last day; the same as {@code first} for a single day
   */
  public record DayRange(DayOfWeek first, DayOfWeek last) {

    /**
     * The run as people read it: {@code Mon-Fri}, {@code Sat}.
     *
     * @return the three-letter English names, joined by a dash
     */
    public String summary() {
      return first == last ? shortName(first) : shortName(first) + "-" + shortName(last);
    }

    private static String shortName(DayOfWeek day) {
      String name = day.name();
      return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT);
    }
  }
}
