package dev.sredsl.coverage;

import dev.sredsl.model.CoverageCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Judges coverage against rules, and against a baseline when there is one: one sentence per
 * violation, naming the service, the counter, the value, the expected value and the missing items.
 */
public final class CoverageCheck {

  private CoverageCheck() {}

  public static List<String> violations(Coverage coverage, List<CoverageRule> rules, Baseline baseline) {
    List<String> violations = new ArrayList<>(coverage.expiredWaivers());
    for (CoverageRule rule : rules) {
      List<String> scopes = new ArrayList<>();
      if (rule.element() == CoverageRule.Element.BUILD) {
        scopes.add(null);
      } else {
        coverage.services().stream().filter(rule::selects).forEach(scopes::add);
      }
      for (String scope : scopes) {
        for (CoverageRule.Limit limit : rule.limits()) {
          check(coverage, scope, limit).ifPresent(violations::add);
        }
      }
    }
    if (baseline != null) {
      violations.addAll(baseline.drops(coverage));
    }
    return violations;
  }

  private static java.util.Optional<String> check(Coverage coverage, String service, CoverageRule.Limit limit) {
    CounterValue value = coverage.value(service, limit.counter());
    double actual = switch (limit.value()) {
      case COVEREDRATIO -> value.coveredRatio();
      case MISSEDRATIO -> value.missedRatio();
      case COVEREDCOUNT -> value.covered();
      case MISSEDCOUNT -> value.missed();
      case TOTALCOUNT -> value.total();
    };
    String expected;
    if (limit.minimum() != null && actual < limit.minimum()) {
      expected = "expected minimum " + format(limit.value(), limit.minimum());
    } else if (limit.maximum() != null && actual > limit.maximum()) {
      expected = "expected maximum " + format(limit.value(), limit.maximum());
    } else {
      return java.util.Optional.empty();
    }
    String what = Counters.words(limit.counter()) + (limit.value() == CoverageRule.Value.COVEREDRATIO ? ""
        : " (" + limit.value().name().toLowerCase(Locale.ROOT) + ")");
    return java.util.Optional.of((service == null ? "build" : "service " + service) + ": " + what + " is "
        + format(limit.value(), actual) + ", " + expected + missed(coverage, service, limit.counter()));
  }

  /** "; alerts without a runbook: A, B" — what to add to meet the limit. */
  static String missed(Coverage coverage, String service, CoverageCounter counter) {
    List<CoverageItem> missed = coverage.items(service, counter).stream().filter(i -> !i.counts()).toList();
    if (missed.isEmpty()) {
      return "";
    }
    if (counter == CoverageCounter.RUNBOOK) {
      String without = names(missed.stream().filter(i -> i.missing().equals("no runbook")).toList(), service);
      String incomplete = missed.stream().filter(i -> !i.missing().equals("no runbook"))
          .map(i -> label(i, service) + " (" + i.missing().replace("the paging alert's runbook ", "") + ")")
          .collect(Collectors.joining(", "));
      return (without.isEmpty() ? "" : "; alerts without a runbook: " + without)
          + (incomplete.isEmpty() ? "" : "; paging alerts with an incomplete runbook: " + incomplete);
    }
    if (counter == CoverageCounter.SIGNALS) {
      return "; golden signals missing: " + names(missed, service);
    }
    if (counter == CoverageCounter.SLO) {
      return "; critical services without an SLO: " + missed.stream().map(CoverageItem::service)
          .collect(Collectors.joining(", ")) + " (add e.g. .slo(Slo.availability(99.9)))";
    }
    return "; " + Counters.missedItems(counter) + ": " + missed.stream()
        .map(i -> label(i, service) + " (" + i.missing() + ")").collect(Collectors.joining(", "));
  }

  private static String names(List<CoverageItem> items, String service) {
    return items.stream().map(i -> label(i, service)).collect(Collectors.joining(", "));
  }

  /** In a build-wide message an item names its service too. */
  private static String label(CoverageItem item, String service) {
    return service == null ? item.service() + "/" + item.name() : item.name();
  }

  static String format(CoverageRule.Value value, double number) {
    return switch (value) {
      case COVEREDRATIO, MISSEDRATIO -> String.format(Locale.ROOT, "%.2f", number);
      default -> String.valueOf((long) number);
    };
  }
}
