package dev.sredsl.migrate;

import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.Tier;
import dev.sredsl.promql.LabelMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random services of the kind {@code JavaDefinitionsWriter} writes, declared with the DSL from a seed:
 * what an SLO spec gives (description, selector, SLOs of every kind with every setting) and a tier and
 * owner now and then. Unlike the project's other random definitions they need not be valid: text is
 * hostile to Java source (quotes, backslashes, line ends, unicode escapes spelt out, comment ends, lone
 * surrogates, any code point) and numbers are any double, since the writer must give back whatever
 * the model holds. One seed always gives the same service.
 */
final class RandomSpecServices {

  private static final String[] HOSTILE = {
      "\"", "\\", "\\\\", "\n", "\r\n", "\r", "\t", "\b", "\f", "\u0000", "\u0001", "\u001b[0m", "\u007f",
      "\u0085", "\u00a0", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\uD800", "\uDFFF", "\uD83D\uDE80",
      "\\u000a", "\\u0022", "\\\\u005c", "\\n", "*/", "/*", "//", "${window}", "${", "{{ $value }}", "é", "日本語",
      "עברית", "'", "`", "%s", "+", "-0"};
  private static final String[] WORDS = {"orders", "checkout", "5xx", "p99", "the queue", "sum(rate(x[5m]))"};
  private static final double[] TRICKY = {
      99.9, 99.99, 99.999, 0.1 + 0.2, 99.90000000000001, 1e-7, 1e21, 1e22, 123456789012345678.0,
      Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 2.82879384806159E17, 100.0, 14.4, 1.0 / 3};
  private static final Duration[] DURATIONS = {
      Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
      Duration.ofDays(3), Duration.ofSeconds(90), Duration.ofMillis(1500), Duration.ofSeconds(1, 1),
      Duration.ofMillis(-250), Duration.ZERO, Duration.ofSeconds(3_000_000_000L), Duration.ofNanos(Long.MIN_VALUE)};

  private final Random random;

  RandomSpecServices(long seed) {
    this.random = new Random(seed);
  }

  /** The next service, declared on a registry of its own. */
  Service next() {
    String name = serviceName();
    SreRegistry sre = new SreRegistry();
    sre.service(name, this::service);
    return sre.declarations().services().get(0);
  }

  private void service(ServiceBuilder s) {
    if (chance(0.7)) {
      s.description(text());
    }
    if (chance(0.3)) {
      s.tier(pick(Tier.values()));
    }
    if (chance(0.3)) {
      s.owner(o -> {
        if (chance(0.8)) {
          o.team(text());
        }
        if (chance(0.5)) {
          o.onCall(text());
        }
        if (chance(0.5)) {
          o.escalation(text());
        }
        if (chance(0.3)) {
          o.chat(text());
        }
      });
    }
    if (chance(0.15)) {
      s.selector(text(), text());
    } else if (chance(0.2)) {
      s.selector(matchers(random.nextInt(4)).toArray(LabelMatcher[]::new));
    }
    int slos = random.nextInt(5);
    for (int i = 0; i < slos; i++) {
      s.slo(slo(i));
    }
  }

  private Slo slo(int index) {
    int kind = random.nextInt(10);
    Slo slo = kind < 7 ? events(Slo.events(chance(0.9) ? "slo-" + index : text()))
        : kind < 8 ? Slo.availability(objective())
        : Slo.latency(chance(0.9) ? Duration.ofMillis(1 + random.nextInt(5000)) : pick(DURATIONS));
    if (kind >= 7 && chance(0.7)) {
      slo = slo.named(chance(0.9) ? "slo-" + index : text());
    }
    if (kind != 7 && chance(0.9)) {
      slo = slo.percent(objective());
    }
    if (chance(0.5)) {
      slo = slo.over(chance(0.8) ? Duration.ofDays(7 + random.nextInt(359)) : pick(DURATIONS));
    }
    if (chance(0.4)) {
      slo = slo.describedAs(text());
    }
    if (chance(0.15)) {
      slo = slo.withoutPaging();
    }
    if (chance(0.15)) {
      slo = slo.withoutTickets();
    }
    if (chance(0.25)) {
      slo = slo.pageWhen(windows());
    }
    if (chance(0.25)) {
      slo = slo.ticketWhen(windows());
    }
    if (chance(0.2)) {
      slo = slo.minimumBadEvents(chance(0.8) ? 1 + random.nextInt(1000) : random.nextInt());
    }
    if (chance(0.15)) {
      slo = slo.ticketWhenBudgetExhausted();
    }
    if (chance(0.1)) {
      slo = slo.windowsFromRawSeries();
    } else if (chance(0.1)) {
      slo = slo.windowsFromRecordings();
    }
    if (chance(0.3)) {
      slo = slo.alerting(alerting());
    }
    return slo;
  }

  /** Bad or good events out of all, or an error ratio, as Sloth's and OpenSLO's SLIs give them. */
  private Slo events(Slo slo) {
    return switch (random.nextInt(4)) {
      case 0 -> slo.bad(count()).total(count());
      case 1 -> slo.good(count()).total(count());
      case 2 -> slo.errorRatio(EventCount.query(query()));
      default -> chance(0.5) ? slo : slo.bad(count());
    };
  }

  private EventCount count() {
    if (chance(0.5)) {
      return EventCount.query(query());
    }
    EventCount.Counter counter = EventCount.counter(chance(0.8) ? "app_" + pick(WORDS).length() + "_total" : text());
    int matchers = random.nextInt(4);
    for (int i = 0; i < matchers; i++) {
      String label = chance(0.8) ? pick(new String[] {"result", "code", "topic", "job"}) : text();
      counter = switch (random.nextInt(3)) {
        case 0 -> counter.where(label, text());
        case 1 -> counter.whereNot(label, text());
        default -> counter.matching(label, text());
      };
    }
    return counter;
  }

  private String query() {
    return chance(0.7) ? "sum(rate(app_" + random.nextInt(100) + "_total{code=~\"5..\",job=\"x\"}[${window}]))"
        : text();
  }

  private List<LabelMatcher> matchers(int count) {
    List<LabelMatcher> matchers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      matchers.add(switch (random.nextInt(4)) {
        case 0 -> LabelMatcher.eq(text(), text());
        case 1 -> LabelMatcher.neq(text(), text());
        case 2 -> LabelMatcher.regex(text(), text());
        default -> LabelMatcher.notRegex(text(), text());
      });
    }
    return matchers;
  }

  private BurnRateWindow[] windows() {
    BurnRateWindow[] windows = new BurnRateWindow[1 + random.nextInt(3)];
    for (int i = 0; i < windows.length; i++) {
      windows[i] = chance(0.5) ? BurnRateWindow.of(pick(DURATIONS), pick(DURATIONS), number())
          : BurnRateWindow.spending(number(), pick(DURATIONS), pick(DURATIONS));
    }
    return windows;
  }

  private SloAlerting alerting() {
    SloAlerting alerting = chance(0.3) ? SloAlerting.conventional()
        : SloAlerting.named(chance(0.9) ? "Page" + random.nextInt(1000) : null, chance(0.9) ? text() : null);
    int entries = random.nextInt(6);
    for (int i = 0; i < entries; i++) {
      String name = chance(0.8) ? "l" + random.nextInt(5) : text();
      String value = chance(0.95) ? text() : null;
      alerting = switch (random.nextInt(6)) {
        case 0 -> alerting.label(name, value);
        case 1 -> alerting.annotation(name, value);
        case 2 -> alerting.pageLabel(name, value);
        case 3 -> alerting.pageAnnotation(name, value);
        case 4 -> alerting.ticketLabel(name, value);
        default -> alerting.ticketAnnotation(name, value);
      };
    }
    return alerting;
  }

  private double objective() {
    return switch (random.nextInt(4)) {
      case 0 -> 50 + random.nextInt(50_000) / 1000.0;
      case 1 -> random.nextDouble() * 100;
      case 2 -> pick(TRICKY);
      default -> Double.longBitsToDouble(random.nextLong());
    };
  }

  private double number() {
    return chance(0.5) ? 1 + random.nextInt(200) / 10.0 : objective();
  }

  /** A name the class name is made of: mostly the DSL's form, now and then with other separators. */
  private String serviceName() {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789-";
    StringBuilder name = new StringBuilder().append((char) ('a' + random.nextInt(26)));
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++) {
      name.append(chars.charAt(random.nextInt(chars.length())));
    }
    if (chance(0.2)) {
      name.append(pick(new String[] {"_", ".", " ", "--", "é"})).append(random.nextInt(10)).append("Z");
    }
    return name.toString();
  }

  /** Text of hostile pieces, words and random UTF-16 units (lone surrogates included); may be empty. */
  private String text() {
    StringBuilder out = new StringBuilder();
    int parts = random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(4)) {
        case 0, 1 -> out.append(pick(HOSTILE));
        case 2 -> out.append(pick(WORDS));
        default -> out.append(chance(0.5) ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
      }
    }
    return out.toString();
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }
}
