package dev.sredsl.reliability;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.promql;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;

import dev.sredsl.check.Names;
import dev.sredsl.dsl.AlertBuilder;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.RunbookBuilder;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Condition;
import dev.sredsl.model.RequestMetrics;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.SloAlerting;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Step;
import dev.sredsl.model.Tier;
import dev.sredsl.model.WorkingHours;
import dev.sredsl.presets.Hikari;
import dev.sredsl.presets.Jvm;
import dev.sredsl.presets.Kafka;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.presets.OpenTelemetry;
import dev.sredsl.presets.SignalPreset;
import dev.sredsl.presets.ThreadPool;
import dev.sredsl.promql.Expr;
import dev.sredsl.promql.ExprTree;
import dev.sredsl.promql.RandomExprs;
import dev.sredsl.promql.ValueType;
import dev.sredsl.promql.VectorSelector;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Random definitions that are valid by the rules the README states, from a seed: any name the rules
 * allow, any mix of presets, SLOs, dependencies, panels and alerts of every condition kind, and text
 * drawn from hostile metacharacters and the whole of Unicode. One seed always gives the same
 * definitions, so a failure names the seed that reproduces it.
 */
final class RandomDefinitions {

  private static final String[] HOSTILE = {
      ": ", "# ", "'", "\"", "\\", "\n", "\r\n", "\t", "|", "<script>", "</script>", "${x}", "<#if>", "`", "*",
      "_", "[", "](", "&amp;", "---", "- ", "1. ", "> ", "{", "}", "%", "@", "!", "~", "yes", "null", "0x1F",
      "\u0001", "\u001b[0m", "\u007f", "\u0085", "\u2028", "\u202e", "\u200b", "\uD83D\uDE80", "é",
      "日本語", "עברית"};
  private static final String[] TEMPLATES = {
      "{{ $value }}", "{{ $value | humanize }}", "{{ $value | humanizePercentage }}", "{{ humanize $value }}",
      "{{ printf \"%.2f\" $value }}", "{{ $labels.instance }}", "{{ $labels.job }}"};
  private static final Duration[] WINDOWS = {
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(90), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
      Duration.ofMinutes(90), Duration.ofHours(6), Duration.ofDays(1)};
  private static final String[] UNITS = {"short", "reqps", "percentunit", "s", "ms", "bytes", "none"};

  private final Random random;

  RandomDefinitions(long seed) {
    this.random = new Random(seed);
  }

  /** One build's definitions: one to three services. */
  Declarations next() {
    SreRegistry sre = new SreRegistry();
    Set<String> names = new HashSet<>();
    int services = 1 + random.nextInt(3);
    while (names.size() < services) {
      String name = serviceName();
      if (names.add(name)) {
        sre.service(name, s -> service(name, s));
      }
    }
    return sre.declarations();
  }

  private void service(String name, ServiceBuilder s) {
    s.tier(pick(Tier.values()));
    if (chance(0.8)) {
      s.description(text(120));
    }
    if (chance(0.9)) {
      s.owner(o -> {
        o.team(chance(0.7) ? "team-" + id(8) : text(40));
        if (chance(0.8)) {
          o.onCall(text(30));
        }
        if (chance(0.7)) {
          o.escalation(text(30));
        }
        if (chance(0.5)) {
          o.chat("#" + id(12));
        }
        if (chance(0.3)) {
          o.workingHours(workingHours());
        }
      });
    }
    if (chance(0.3)) {
      // Any label but those the presets match or group by themselves (le, outcome, pool, ...).
      s.selector(pick(new String[] {"job", "namespace", "app", "application", "service_name"}), text(30));
    }
    boolean requests = chance(0.85);
    RequestMetrics requestMetrics = !requests ? null : chance(0.7) ? Micrometer.httpServer() : OpenTelemetry.httpServer();
    Map<String, SignalPreset> saturation = saturation();
    saturation.values().forEach(s::saturation);
    List<String> signalNames = new ArrayList<>(saturation.keySet());
    int customSignals = random.nextInt(3);
    for (int i = 0; i < customSignals; i++) {
      String signalName = "custom-" + i + "-" + id(5);
      Signal signal = Signal.custom(pick(SignalKind.values()), signalName, vectorQuery(name));
      s.signal(chance(0.5) ? signal.describedAs(text(80)) : signal);
      signalNames.add(signalName);
    }
    int dependencies = random.nextInt(4);
    for (int i = 0; i < dependencies; i++) {
      String dependencyName = "dep-" + i + "-" + id(6);
      String pool = "p" + word(7);
      int kind = random.nextInt(4);
      // The health signal's name, as each preset derives it from the pool, client or cache.
      signalNames.add(switch (kind) {
        case 0 -> "hikari-" + pool;
        case 1 -> "http-client-" + pool;
        case 2 -> "cache-" + pool;
        default -> "lag-" + pool;
      });
      String description = chance(0.5) ? text(60) : null;
      s.dependency(d -> {
        switch (kind) {
          case 0 -> d.database(dependencyName).via(Hikari.pool(pool));
          case 1 -> d.http(dependencyName).via(Micrometer.httpClient(pool));
          case 2 -> d.cache(dependencyName).via(Micrometer.cache(pool));
          default -> d.queue(dependencyName).health(Signal.custom(SignalKind.SATURATION, "lag-" + pool,
              "max(kafka_consumer_fetch_manager_records_lag_max{client_id=\"" + pool + "\"})"));
        }
        if (description != null) {
          d.description(description);
        }
      });
    }
    if (requests) {
      int slos = random.nextInt(3);
      List<Duration> thresholds = new ArrayList<>();
      for (int i = 0; i < slos; i++) {
        Slo slo = slo(i);
        if (slo.latencyThreshold() != null) {
          thresholds.add(slo.latencyThreshold());
        }
        s.slo(slo);
      }
      s.signals(publishing(requestMetrics, thresholds));
    }
    if (chance(0.25)) {
      // Events the team counts, with or without request metrics.
      Slo slo = slo(9);
      Slo events = Slo.events("events-" + id(4)).percent(Math.max(90, slo.objectivePercent())).over(slo.period());
      // Now and then the ratio itself, as Sloth's raw SLI gives it.
      s.slo(chance(0.2) ? events.errorRatio(EventCount.query("1 - avg(avg_over_time(app_" + word(5)
          + "_ratio[${window}]))")) : events.bad(eventCount(true)).total(eventCount(false)));
    }
    int panels = random.nextInt(3);
    for (int i = 0; i < panels; i++) {
      s.panel(p -> p.title(text(40)).description(text(80)).unit(pick(UNITS)).query(panelQuery(name)));
    }
    if (chance(0.3)) {
      s.deployments("changes(process_start_time_seconds{job=\"" + name + "\"}[$__interval]) > 0");
    }
    Set<String> alertNames = new HashSet<>();
    int alerts = random.nextInt(9);
    while (alertNames.size() < alerts) {
      String alertName = alertName();
      if (alertNames.add(alertName)) {
        Condition condition = condition(requests, signalNames, name);
        s.alert(alertName, a -> alert(a, condition));
      }
    }
  }

  /**
   * The request metrics as an application that publishes a bucket for each latency threshold declares
   * them: the preset as it is when its bounds are unknown or hold every threshold; else, and now and
   * then anyway, with the preset's bounds and the thresholds declared.
   */
  private RequestMetrics publishing(RequestMetrics preset, List<Duration> thresholds) {
    TreeSet<Duration> bounds = new TreeSet<>(preset.bucketBounds());
    boolean valid = !preset.knowsBucketBounds() || bounds.containsAll(thresholds);
    if (valid && !chance(0.2)) {
      return preset;
    }
    bounds.addAll(thresholds);
    bounds.add(Duration.ofSeconds(1));
    Duration first = bounds.pollFirst();
    return preset.withBuckets(first, bounds.toArray(Duration[]::new));
  }

  /** Random saturation presets by the name of the signal each declares. */
  private Map<String, SignalPreset> saturation() {
    Map<String, SignalPreset> presets = new LinkedHashMap<>();
    if (chance(0.6)) {
      presets.put("jvm-heap", Jvm.heapUsed());
    }
    if (chance(0.4)) {
      presets.put("process-cpu", Jvm.cpu());
    }
    if (chance(0.4)) {
      String pool = word(6);
      presets.put("hikari-" + pool, Hikari.pool(pool));
      if (chance(0.5)) {
        presets.put("hikari-" + pool + "-pending", Hikari.pending(pool));
      }
    }
    if (chance(0.3)) {
      String executor = word(6);
      presets.put("executor-" + executor, ThreadPool.queue(executor));
    }
    if (chance(0.3)) {
      String client = word(6);
      presets.put("kafka-lag-" + client, Kafka.consumerLag(client));
    }
    return presets;
  }

  /**
   * A count of events: mostly one counter narrowed by labels, sometimes a query with the window
   * placeholder, which the generated tests cannot simulate.
   */
  private EventCount eventCount(boolean bad) {
    String metric = "app_" + word(5) + "_total";
    if (chance(0.2)) {
      return EventCount.query("sum(rate(" + metric + (bad ? "{result=\"failed\"}" : "") + "[${window}]))");
    }
    EventCount.Counter counter = EventCount.counter(chance(0.5) ? "app_jobs_total" : metric);
    if (bad) {
      counter = chance(0.5) ? counter.where("result", "failed") : counter.matching("result", "failed|error");
    }
    return counter;
  }

  private Slo slo(int index) {
    int days = 7 + random.nextInt(359);
    boolean paging = !chance(0.2);
    boolean tickets = !paging || !chance(0.2);
    // Each enabled tier's alert must be able to fire: the budget stays below 1 / its smallest factor.
    Slo probe = Slo.availability(99).over(Duration.ofDays(days));
    if (chance(0.2)) {
      // Sloth's way of writing conditions: a share of the period's budget per long window.
      probe = probe.pageWhen(BurnRateWindow.spending(1 + random.nextInt(8), Duration.ofMinutes(30 + random.nextInt(90)),
          Duration.ofMinutes(2 + random.nextInt(8))));
    }
    final Slo windows = probe;
    double factor = Math.max(paging ? BurnRates.smallestFactor(windows, BurnRates.AlertTier.FAST).doubleValue() : 0,
        tickets ? BurnRates.smallestFactor(windows, BurnRates.AlertTier.SLOW).doubleValue() : 0);
    double lowest = Math.max(50, 100 - 100 / factor);
    double objective = Math.min(99.999, Math.ceil((lowest + random.nextDouble() * (99.999 - lowest)) * 1000 + 1) / 1000);
    Slo slo = chance(0.5) ? Slo.availability(objective)
        : Slo.latency(Duration.ofMillis(1 + random.nextInt(5000))).percent(objective);
    slo = slo.named("slo-" + index + "-" + id(4)).over(Duration.ofDays(days));
    if (!windows.pageWindows().isEmpty()) {
      slo = slo.pageWhen(windows.pageWindows().toArray(new BurnRateWindow[0]));
    }
    if (chance(0.2)) {
      slo = slo.minimumBadEvents(1 + random.nextInt(20));
    }
    if (chance(0.2)) {
      slo = slo.ticketWhenBudgetExhausted();
    }
    if (chance(0.3)) {
      slo = slo.describedAs(text(80));
    }
    if (chance(0.15)) {
      // The team's own alert names and labels, as Sloth specs give them.
      String name = "Burn" + id(6).replace("-", "");
      SloAlerting alerting = SloAlerting.named(name + "Page", name + "Ticket").label("category", word(5));
      slo = slo.alerting(chance(0.5) ? alerting.pageLabel("routing_key", word(4)).annotation("summary", text(40))
          : alerting);
    }
    if (!paging) {
      slo = slo.withoutPaging();
    }
    if (!tickets) {
      slo = slo.withoutTickets();
    }
    return slo;
  }

  private Condition condition(boolean requests, List<String> signalNames, String service) {
    int kinds = requests ? 5 : 2;
    int kind = random.nextInt(kinds);
    return switch (kind) {
      case 0 -> signalNames.isEmpty() ? promql(vectorQuery(service) + " > 0")
          : chance(0.5) ? signal(pick(signalNames)).above(number()) : signal(pick(signalNames)).below(number());
      case 1 -> promql(chance(0.2) ? randomExpression()
          : vectorQuery(service) + pick(new String[] {" > ", " < ", " >= ", " == "}) + number());
      case 2 -> errorRatio().over(pick(WINDOWS)).above(0.0001 + random.nextInt(9999) / 10_000.0);
      case 3 -> latency(pick(new double[] {0.5, 0.9, 0.95, 0.99, 0.999}))
          .over(pick(WINDOWS)).above(Duration.ofMillis(1 + random.nextInt(30_000)));
      default -> chance(0.5) ? traffic().over(pick(WINDOWS)).above(random.nextInt(100_000) / 100.0)
          : traffic().over(pick(WINDOWS)).below(0.01 + random.nextInt(10_000) / 100.0);
    };
  }

  /**
   * Any instant-vector PromQL, from the parser's own fuzzer, provided every selector names its metric:
   * a bare {@code {le="x"}} selects every metric with that label, which as an alert fails at run time
   * ("vector contains metrics with the same labelset") once two such metrics exist. Nor may
   * {@code label_replace}, {@code label_join} or {@code count_values} name a label that is not a label
   * name: Prometheus refuses those only when it evaluates them, and the build refuses them.
   */
  private String randomExpression() {
    while (true) {
      Expr expression = new RandomExprs(random.nextLong()).of(ValueType.INSTANT_VECTOR, 3);
      boolean[] named = {true};
      ExprTree.walk(expression, (Expr e) -> {
        if (e instanceof VectorSelector v && v.name() == null) {
          named[0] = false;
        }
        if (e instanceof dev.sredsl.promql.Aggregation a && a.op() == dev.sredsl.promql.AggregationOp.COUNT_VALUES
            && a.param() instanceof dev.sredsl.promql.StringLiteral s && !s.value().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
          named[0] = false;
        }
        if (e instanceof dev.sredsl.promql.Call c && (c.function().name().equals("label_replace")
            || c.function().name().equals("label_join"))) {
          for (int i = 1; i < c.args().size(); i++) {
            boolean labelArgument = i == 1 || (c.function().name().equals("label_replace") ? i == 3 : i >= 3);
            if (labelArgument && c.args().get(i) instanceof dev.sredsl.promql.StringLiteral s
                && !s.value().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
              named[0] = false;
            }
          }
        }
      });
      if (named[0]) {
        return expression.toString();
      }
    }
  }

  private void alert(AlertBuilder a, Condition condition) {
    a.when(condition).severity(pick(Severity.values()));
    if (chance(0.7)) {
      // Mostly minutes, as in practice; now and then up to the one-day limit.
      int seconds = chance(0.8) ? 1 + random.nextInt(1800) : chance(0.8) ? 1 + random.nextInt(21_600)
          : 1 + random.nextInt(86_400);
      a.lasting(Duration.ofSeconds(seconds));
    }
    if (chance(0.2)) {
      // Mostly minutes; now and then up to the one-day limit.
      a.keepFiringFor(Duration.ofSeconds(chance(0.9) ? 1 + random.nextInt(1800) : 1 + random.nextInt(86_400)));
    }
    if (chance(0.8)) {
      a.summary(annotation());
    }
    if (chance(0.5)) {
      a.description(annotation());
    }
    int labels = random.nextInt(3);
    for (int i = 0; i < labels; i++) {
      a.label("l" + i + "_" + labelName(), text(30));
    }
    if (chance(0.7)) {
      a.runbook(this::runbook);
    }
  }

  private void runbook(RunbookBuilder r) {
    int sections = 1 + random.nextInt(4);
    for (int i = 0; i < sections; i++) {
      switch (random.nextInt(5)) {
        case 0 -> r.symptoms(text(100));
        case 1 -> r.diagnose(text(100), text(60));
        case 2 -> r.mitigate(Step.safe(text(80)));
        case 3 -> r.mitigate(Step.risky(text(80), text(60)));
        default -> r.escalate(text(80));
      }
    }
    if (chance(0.3)) {
      r.link(text(30), "https://wiki.example.com/" + id(10) + "?q=" + id(3) + "&x=%20#" + id(4));
    }
  }

  /** Summary or description text: Go template actions Prometheus can expand, around hostile text. */
  private String annotation() {
    StringBuilder out = new StringBuilder(text(60));
    if (chance(0.5)) {
      out.append(' ').append(pick(TEMPLATES)).append(' ').append(text(30));
    }
    // Outside the actions, "{{" would open one: keep the braces of random text apart.
    return out.toString().replace("{{", "{ {").replace("}}", "} }");
  }

  /** A realistic instant-vector query of the service. */
  private String vectorQuery(String service) {
    String selector = "{job=\"" + service + "\"}";
    return switch (random.nextInt(4)) {
      case 0 -> "sum(rate(" + metric() + "_total" + selector + "[" + show(pick(WINDOWS)) + "]))";
      case 1 -> "max by (instance) (" + metric() + selector + ")";
      case 2 -> "histogram_quantile(0.9, sum by (le) (rate(" + metric() + "_seconds_bucket" + selector + "["
          + show(pick(WINDOWS)) + "])))";
      default -> "avg(" + metric() + selector + ") / " + (1 + random.nextInt(1000));
    };
  }

  /** A panel query Grafana's lint accepts: counters through rate over $__rate_interval, aggregated. */
  private String panelQuery(String service) {
    String selector = "{job=\"" + service + "\"}";
    return chance(0.5) ? "sum by (instance) (rate(" + metric() + "_total" + selector + "[$__rate_interval]))"
        : "max(" + metric() + selector + ")";
  }

  private String metric() {
    return pick(new String[] {"orders", "payments", "queue_depth", "cache_entries", "jobs", "x"}) + "_" + id(3)
        .replace('-', '_');
  }

  private double number() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(100);
      case 1 -> random.nextInt(1_000_000) / 1000.0;
      case 2 -> 1e-6 * (1 + random.nextInt(1000));
      default -> Math.scalb(random.nextDouble(), random.nextInt(40));
    };
  }

  /** Text of up to {@code max} characters: words, hostile pieces and random code points, never blank. */
  private String text(int max) {
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(6);
    for (int i = 0; i < parts && out.length() < max; i++) {
      switch (random.nextInt(3)) {
        case 0 -> out.append(pick(HOSTILE));
        case 1 -> out.append(pick(new String[] {"orders", "the pool", "Restart", "p99", "5xx", "dashboard"}));
        default -> {
          int codePoint;
          do {
            codePoint = random.nextInt(random.nextBoolean() ? 0x80 : 0x30000);
          } while (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.SURROGATE
              || Character.getType(codePoint) == Character.PRIVATE_USE || codePoint == 0xfeff);
          out.appendCodePoint(codePoint);
        }
      }
      out.append(' ');
    }
    String text = out.toString();
    return text.isBlank() ? "x" + text : text;
  }

  private String serviceName() {
    while (true) {
      String name = (char) ('a' + random.nextInt(26)) + id(random.nextInt(40));
      while (name.endsWith("-")) {
        name = name.substring(0, name.length() - 1);
      }
      if (Names.idProblem("service name", name, "x") == null) {
        return name;
      }
    }
  }

  private String alertName() {
    StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
    int length = random.nextInt(40);
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < length; i++) {
      name.append(chars.charAt(random.nextInt(chars.length())));
    }
    return name.toString();
  }

  /** A label name users may set: not Prometheus' reserved __ names, not one the generators set. */
  private String labelName() {
    return pick(new String[] {"component", "tier", "region", "_private", "a1", "le", "instance", "job",
        "quantile", "runbook", "x"});
  }

  /**
   * Lower-case letters and digits, starting with a letter: the presets derive signal names from such
   * an argument unchanged.
   */
  private String word(int length) {
    return (char) ('a' + random.nextInt(26)) + id(length - 1).replace('-', 'x');
  }

  /** Lower-case letters, digits and dashes. */
  private String id(int length) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789-";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(chars.charAt(random.nextInt(chars.length() - (i == length - 1 ? 1 : 0))));
    }
    return out.toString();
  }

  private static String show(Duration duration) {
    return dev.sredsl.promql.PromDuration.format(duration);
  }

  /** Valid working hours: some days, whole minutes with the end after the start or at midnight, a region. */
  private WorkingHours workingHours() {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (days.isEmpty()) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (chance(0.6)) {
          days.add(day);
        }
      }
    }
    int start = random.nextInt(24 * 60);
    int endMinute = start + 1 + random.nextInt(24 * 60 - start); // up to 24:00, which is LocalTime.MIDNIGHT
    LocalTime end = LocalTime.ofSecondOfDay(60L * (endMinute % (24 * 60)));
    return WorkingHours.on(days, LocalTime.ofSecondOfDay(60L * start), end)
        .in(pick(new String[] {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Etc/GMT+2",
            "Pacific/Chatham", "America/Port-au-Prince"}));
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

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

}
