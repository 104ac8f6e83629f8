package dev.sredsl.model;

/**
 * The events of an SLO that is not about the service's HTTP requests: bad (or good) events out of all
 * events, each counted by an {@link EventCount}. Exactly one of {@code bad} and {@code good} is set once
 * valid; validation reports otherwise.
 *
 * @param bad the events that spend the error budget, or {@code null} when good events are given
 * @param good the events that keep the promise, or {@code null} when bad events are given
 * @param total all events
 */
public record EventSli(EventCount bad, EventCount good, EventCount total) {

  static final EventSli NONE = new EventSli(null, null, null);

  EventSli withBad(EventCount count) {
    return new EventSli(count, good, total);
  }

  EventSli withGood(EventCount count) {
    return new EventSli(bad, count, total);
  }

  EventSli withTotal(EventCount count) {
    return new EventSli(bad, good, count);
  }

  /** Every count it has, bad or good first, then all events. */
  public java.util.List<EventCount> counts() {
    java.util.List<EventCount> counts = new java.util.ArrayList<>();
    if (bad != null) {
      counts.add(bad);
    }
    if (good != null) {
      counts.add(good);
    }
    if (total != null) {
      counts.add(total);
    }
    return counts;
  }
}
