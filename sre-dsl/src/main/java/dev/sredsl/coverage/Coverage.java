package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a build covers: every counted item, and the waivers that expired (each a violation of its own).
 */
public record Coverage(List<CoverageItem> items, List<String> expiredWaivers) {

  public Coverage {
    items = List.copyOf(items);
    expiredWaivers = List.copyOf(expiredWaivers);
  }

  /** Service names, sorted. */
  public List<String> services() {
    return items.stream().map(CoverageItem::service).distinct().sorted().toList();
  }

  public List<CoverageItem> items(String service, CoverageCounter counter) {
    return items.stream().filter(i -> (service == null || i.service().equals(service)) && i.counter() == counter)
        .toList();
  }

  /** The counter over one service, or over the build for {@code null}. */
  public CounterValue value(String service, CoverageCounter counter) {
    return CounterValue.of(items(service, counter));
  }

  /** Every counter of a service (or the build), in counter order. */
  public Map<CoverageCounter, CounterValue> values(String service) {
    Map<CoverageCounter, CounterValue> values = new TreeMap<>();
    for (CoverageCounter counter : CoverageCounter.values()) {
      values.put(counter, value(service, counter));
    }
    return values;
  }
}
