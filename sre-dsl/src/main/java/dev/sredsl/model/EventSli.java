package dev.sredsl.model;

/**
 * The events of an SLO that is not about the service's HTTP requests: bad (or good) events out of all
 * events, each counted by an {@link EventCount}, or, where only the ratio is known, the error ratio
 * itself. Once valid, either the ratio is set alone, or exactly one of {@code bad} and {@code good} and
 * {@code total}; validation reports otherwise.
 *
 * @param bad the events that spend the error budget, or {@code null} when good events are given
 * @param good the events that keep the promise, or {@code null} when bad events are given
 * @param total all events
 * @param errorRatio the share of bad events over a window, for sources that give no countable
 *     events; {@code null} when events are counted
 */
public record EventSli(EventCount bad, EventCount good, EventCount total, EventCount.Query errorRatio) {

  static final EventSli NONE = new EventSli(null, null, null, null);

  EventSli withBad(EventCount count) {
    return new EventSli(count, good, total, errorRatio);
  }

  EventSli withGood(EventCount count) {
    return new EventSli(bad, count, total, errorRatio);
  }

  EventSli withTotal(EventCount count) {
    return new EventSli(bad, good, count, errorRatio);
  }

  EventSli withErrorRatio(EventCount.Query query) {
    return new EventSli(bad, good, total, query);
  }

  /** Whether the SLI is a ratio query, not counted events. */
  public boolean isRatio() {
    return errorRatio != null;
  }

  /** Every count it has, bad or good first, then all events, then the ratio query. */
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
    if (errorRatio != null) {
      counts.add(errorRatio);
    }
    return counts;
  }
}
