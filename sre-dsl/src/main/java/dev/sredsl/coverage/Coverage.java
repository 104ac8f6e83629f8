package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a build covers: every counted item, and the waivers that expired (each a violation of its own).
 *
 * <p>Items are indexed by service and counter once, when the coverage is made: the reports and the
 * rules ask for every counter of every service, which over a plain list of items grows with the
 * square of the number of services.
 */
public final class Coverage {

  private final List<CoverageItem> items;
  private final List<String> expiredWaivers;
  private final List<String> services;
  /** Service name to its items in their order; the build's under {@code null}. */
  private final Map<String, List<CoverageItem>> byService = new HashMap<>();
  private final Map<String, Map<CoverageCounter, List<CoverageItem>>> byServiceAndCounter = new HashMap<>();

  public Coverage(List<CoverageItem> items, List<String> expiredWaivers) {
    this.items = List.copyOf(items);
    this.expiredWaivers = List.copyOf(expiredWaivers);
    for (CoverageItem item : this.items) {
      byService.computeIfAbsent(item.service(), s -> new ArrayList<>()).add(item);
      for (String scope : new String[] {item.service(), null}) {
        byServiceAndCounter.computeIfAbsent(scope, s -> new EnumMap<>(CoverageCounter.class))
            .computeIfAbsent(item.counter(), c -> new ArrayList<>()).add(item);
      }
    }
    this.services = byService.keySet().stream().sorted().toList();
  }

  public List<CoverageItem> items() {
    return items;
  }

  public List<String> expiredWaivers() {
    return expiredWaivers;
  }

  /** Service names, sorted. */
  public List<String> services() {
    return services;
  }

  /** The items of one service, in their order. */
  public List<CoverageItem> items(String service) {
    return Collections.unmodifiableList(byService.getOrDefault(service, List.of()));
  }

  /** The items of one counter over one service, or over the build for {@code null}, in their order. */
  public List<CoverageItem> items(String service, CoverageCounter counter) {
    return Collections.unmodifiableList(
        byServiceAndCounter.getOrDefault(service, Map.of()).getOrDefault(counter, List.of()));
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

  @Override
  public boolean equals(Object other) {
    return other instanceof Coverage c && c.items.equals(items) && c.expiredWaivers.equals(expiredWaivers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, expiredWaivers);
  }

  @Override
  public String toString() {
    return "Coverage[items=" + items + ", expiredWaivers=" + expiredWaivers + "]";
  }
}
