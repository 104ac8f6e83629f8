package dev.sredsl.generate.prometheus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.sredsl.conventions.BurnRates;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.RecordedSeries;
import dev.sredsl.model.BurnRateWindow;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.model.Tier;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.pipeline.SrePipeline;
import dev.sredsl.presets.Micrometer;
import dev.sredsl.promql.PromDuration;
import dev.sredsl.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for random SLOs and random counter histories, the error ratios of the default form
 * ({@link SloWindowForm#RECORDED}: long windows averaged from the recorded 5-minute rates) equal those of
 * the raw form ({@link SloWindowForm#RAW}: a rate over the raw series) within the tolerance below, at
 * evaluations every one to four minutes from the first one whose window the history covers; and the
 * 5-minute ratio, which both forms read from the recordings, equals the 5-minute ratio over the raw
 * series up to rounding. promtool checks it: per case, one test file loads the recorded form's rules
 * and tests {@code abs(recorded - raw) <= bool tolerance} at each point, with {@code recorded} the
 * recorded {@code slo:sli_error:ratio_rate<W>} and {@code raw} the raw form's expression for W, taken
 * from the raw form's rules and inlined, over the same input series. Both forms' generated rule tests
 * run too. {@value #DEFAULT_COUNT} cases of seed {@value #DEFAULT_SEED}; {@code -Dsredsl.seed=...} and
 * {@code -Dsredsl.recordedWindowCases=...} explore further, {@code -Dsredsl.recordedWindowCase=3,5}
 * replays single cases and {@code -Dsredsl.recordedWindowReport=true} prints how much of its
 * tolerance each window used. The inputs stay under {@code target/recorded-windows-property/}.
 *
 * <p>An SLO is of availability or of latency (300 ms), 99, 99.5 or 99.9% over 7 or 30 days, with
 * its own conditions: long windows of 30 minutes to 3 hours, and 6 hours in one case in four. The
 * default table's 3-day window does not fit: a raw rate over it reads 4,321 one-minute samples per
 * series, more than promtool's 10,000 samples per query for three series, and promtool would evaluate
 * the groups at 4,300 steps. A history has one or two instances from the start and one that starts in
 * the middle (leading {@code _xK}), each with an ok and a failed request counter (and for a latency
 * SLO the bucket of the threshold), rates that wander and step, error and slow bursts, a counter reset
 * on one or two instances (the value drops to the requests since the restart) and two or three gaps of
 * one to three missing samples, of a whole scrape or of one series.
 *
 * <p><b>Tolerance.</b> With one-minute samples and evaluations, and ranges that hold the samples at
 * both ends (Prometheus 2; checked), both forms are linear in each series' per-minute increments c as
 * rate counts them (after a reset: the value after it). Over W = n minutes the raw form weighs the n
 * minutes up to t by 1/n. The recorded form averages the n+1 five-minute rates r(t-k) = (c<sub>t-k</sub>
 * + ... + c<sub>t-k-4</sub>)/5, k = 0..n, and adds (r(t) - r(t-W)) / (W/150s): the minutes inside weigh
 * 1/(n+1), the five at each end ramp, plus the correction. Let D be the recorded weights minus the raw
 * ones (they sum to 0), ρ the raw ratio, N the raw total rate and z = bad - ρ·total per minute. z sums
 * to 0 over the raw window, so adding 1/(n(n+1)) to D there changes no sum and gives D', which is 0
 * but on the five minutes at each end: from -0.3/n to 0.5/n, about 2.5/n in all. Then recorded - raw =
 * Σ D'z / (N + Σ D'(total - N)), hence
 *
 * <pre>  |recorded - raw| ≤ Σ|D'|·|z| / (N - Σ|D'|·|total - N|)</pre>
 *
 * <p>0 when the minutes at both ends run at the window's ratio; it grows with the noise and the steps
 * there. Gaps and starts add Prometheus' extrapolation, bounded separately: where a range's first or
 * last j samples are missing, rate counts those minutes at the range's average instead of what happened,
 * off by at most j times the series' largest increment in the range; where a series starts inside a
 * range, rate extrapolates its first value v0 toward zero, so counts at most v0 too many. Each
 * five-minute rate and each raw rate so touched gets that much slack, weighed as its form weighs it
 * (|1/(n+1) ± 2.5/n|, or 1/n) and as its series weighs in z (bad and total events) and in the total;
 * the slack's effect on each ratio is added to the bound, as is 1e-12 for rounding.
 *
 * <p>The groups are evaluated in the rules file's order ({@code group_eval_order}): promtool's own
 * order is random, and a run where the SLO group goes first reads the golden signals of the minute
 * before, which neither form's ratio is meant to do.
 */
class RecordedWindowsPropertyTest {

  static final long DEFAULT_SEED = 20_260_611L;
  static final int DEFAULT_COUNT = 7;
  private static final long SEED = Long.getLong("sredsl.seed", DEFAULT_SEED);
  private static final int COUNT = Integer.getInteger("sredsl.recordedWindowCases", DEFAULT_COUNT);
  private static final boolean REPORT = Boolean.getBoolean("sredsl.recordedWindowReport");

  private static final Path ROOT = Path.of("target", "recorded-windows-property");
  private static final String SERVICE = "shop";
  private static final Duration BASE = BurnRates.BASE_WINDOW;
  /** Rounding: the ratios are at most about 1, computed in a few double operations. */
  private static final double ROUNDING = 1e-12;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private static final Duration[] LONG = {
      Duration.ofMinutes(30), Duration.ofMinutes(45), Duration.ofHours(1), Duration.ofMinutes(90),
      Duration.ofHours(2), Duration.ofMinutes(150), Duration.ofHours(3)};
  private static final Duration[] SHORT = {
      Duration.ofMinutes(5), Duration.ofMinutes(7), Duration.ofMinutes(10), Duration.ofMinutes(15),
      Duration.ofMinutes(20), Duration.ofMinutes(30)};
  private static final double[] OBJECTIVES = {99, 99.5, 99.9};
  private static final double[] FACTORS = {14.4, 6, 3, 2, 1};

  @BeforeAll
  static void startCleanWithPrometheus2() throws IOException {
    deleteRecursively(ROOT);
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    String version = promtool.run("--version").output();
    assertTrue(version.matches("(?s)promtool, version 2\\..*"), "the tolerance models Prometheus 2's ranges, which"
        + " hold the samples at both ends; Prometheus 3 leaves out the first, so derive the weights anew for: "
        + version);
  }

  static Stream<Integer> cases() {
    String only = System.getProperty("sredsl.recordedWindowCase");
    if (only != null && !only.isBlank()) {
      return Stream.of(only.split(",")).map(String::strip).map(Integer::valueOf);
    }
    return IntStream.range(0, COUNT).boxed();
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void theRecordedRatiosEqualTheRawOnesWithinTheStatedTolerance(int index) throws IOException {
    ExternalTool promtool = ExternalTool.promtool();
    promtool.require();
    Case c = Case.random(index, SEED);
    Path dir = ROOT.resolve("case-" + index);
    Map<SloWindowForm, JsonNode> rules = new TreeMap<>();
    for (SloWindowForm form : SloWindowForm.values()) {
      GeneratedFiles files = new SrePipeline().generate(c.declarations(),
          GenerationSettings.DEFAULTS.withSloWindowForm(form));
      for (GeneratedFile file : files.all()) {
        Path target = dir.resolve(form.name().toLowerCase(Locale.ROOT)).resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.content());
      }
      rules.put(form, YAML.readTree(files.get("prometheus/" + SERVICE + ".rules.yml").orElseThrow().content()));
    }
    Comparisons comparisons = new Comparisons(c, rules.get(SloWindowForm.RECORDED), rules.get(SloWindowForm.RAW));
    Path compare = dir.resolve("compare.test.yml");
    YAML.writeValue(compare.toFile(), comparisons.testFile(false));

    ExternalTool.Run run = promtool.run("test", "rules", compare.toString(),
        dir.resolve("recorded/prometheus/" + SERVICE + ".rules.test.yml").toString(),
        dir.resolve("raw/prometheus/" + SERVICE + ".rules.test.yml").toString());
    System.out.println(c.where() + ": " + c.describe() + "; "
        + comparisons.points.values().stream().mapToInt(Map::size).sum() + " points");
    boolean passed = run.exitCode() == 0 && !run.output().contains("FAILED");
    if (!passed || REPORT) {
      String values = comparisons.values(promtool, dir);
      if (REPORT) {
        System.out.println(values);
      }
      assertTrue(passed, c.where() + ": promtool failed.\n" + values + "\npromtool said:\n" + run.output());
    }
  }

  /** Everything one case compares, and the tolerance of each comparison. */
  private static final class Comparisons {
    final Case c;
    final String sloSelector;
    final Map<Duration, String> raw = new LinkedHashMap<>();
    final String raw5m;
    /** Compared points: window, then evaluation minute, then tolerance. */
    final Map<Duration, Map<Integer, Bound>> points = new LinkedHashMap<>();

    final List<String> groups = new ArrayList<>();

    Comparisons(Case c, JsonNode recordedRules, JsonNode rawRules) {
      this.c = c;
      recordedRules.get("groups").forEach(g -> groups.add(g.get("name").asText()));
      this.sloSelector = "{service=\"" + SERVICE + "\", slo=\"" + c.slo.name() + "\"}";
      for (Duration w : c.windows) {
        String name = RecordedSeries.sloErrorRatio(w);
        String recorded = expr(recordedRules, name);
        assertTrue(recorded.contains("avg_over_time("), c.where() + ": the recorded form of " + name
            + " is not an average of recorded rates: " + recorded);
        String rawExpr = expr(rawRules, name);
        assertTrue(rawExpr.contains("rate(http_server_requests_seconds_") && !rawExpr.contains(":"),
            c.where() + ": the raw form of " + name + " does not read the raw series: " + rawExpr);
        raw.put(w, rawExpr);
      }
      Duration first = c.windows.get(0);
      String range = "[" + PromDuration.format(first) + "]";
      raw5m = raw.get(first).replace(range, "[" + PromDuration.format(BASE) + "]");
      assertTrue(!raw5m.equals(raw.get(first)), c.where() + ": no " + range + " in " + raw.get(first));
      for (Duration w : c.windows) {
        Map<Integer, Bound> atTimes = new TreeMap<>();
        for (int t : c.evaluations.get(w)) {
          atTimes.put(t, c.history.bound(t, (int) w.toMinutes()));
        }
        points.put(w, atTimes);
      }
    }

    private String expr(JsonNode file, String record) {
      for (JsonNode group : file.get("groups")) {
        for (JsonNode rule : group.get("rules")) {
          if (record.equals(rule.path("record").asText()) && c.slo.name().equals(rule.at("/labels/slo").asText())) {
            return rule.get("expr").asText();
          }
        }
      }
      return fail(c.where() + ": no rule records " + record);
    }

    String recorded(Duration w) {
      return RecordedSeries.sloErrorRatio(w) + sloSelector;
    }

    /**
     * The promtool test: each point expects 1 from {@code abs(recorded - raw) <= bool tolerance}, or,
     * to print the values, expects nothing from both values labelled by form and window.
     */
    Map<String, Object> testFile(boolean printValues) {
      List<Map<String, Object>> tests = new ArrayList<>();
      for (Map.Entry<Duration, Map<Integer, Bound>> window : points.entrySet()) {
        Duration w = window.getKey();
        for (Map.Entry<Integer, Bound> point : window.getValue().entrySet()) {
          String rec = "sum(" + recorded(w) + ")";
          String rawSum = "sum(" + raw.get(w) + ")";
          tests.add(exprTest(point.getKey(), printValues ? labelled(rec, "rec", w) + " or " + labelled(rawSum, "raw", w)
              : "abs(" + rec + " - " + rawSum + ") <= bool " + point.getValue().tolerance(), !printValues));
          if (w.equals(c.windows.get(0))) {
            String rec5 = "sum(" + recorded(BASE) + ")";
            String raw5 = "sum(" + raw5m + ")";
            tests.add(exprTest(point.getKey(), printValues ? labelled(rec5, "rec", BASE) + " or "
                + labelled(raw5, "raw", BASE) : "abs(" + rec5 + " - " + raw5 + ") <= bool " + ROUNDING, !printValues));
          }
        }
      }
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("name", c.where());
      test.put("interval", "1m");
      test.put("input_series", c.history.inputSeries());
      test.put("promql_expr_test", tests);
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("rule_files", List.of("recorded/prometheus/" + SERVICE + ".rules.yml"));
      file.put("evaluation_interval", "1m");
      // The recordings before the rules that read them, as in the file: promtool's own order is random, and
      // a group evaluated before the one it reads would see the rates of a minute earlier.
      file.put("group_eval_order", groups);
      file.put("tests", List.of(test));
      return file;
    }

    private static String labelled(String expr, String form, Duration w) {
      return "label_replace(" + expr + ", \"v\", \"" + form + " " + PromDuration.format(w) + "\", \"\", \"\")";
    }

    private static Map<String, Object> exprTest(int minute, String expr, boolean expectOne) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("expr", expr);
      test.put("eval_time", minute + "m");
      test.put("exp_samples", expectOne ? List.of(Map.of("labels", "{}", "value", 1)) : List.of());
      return test;
    }

    private static final Pattern BLOCK = Pattern.compile("time: (\\S+),\\s+exp: nil\\s+got: ([^\\n]*)");
    private static final Pattern VALUE = Pattern.compile("\\{v=\"(rec|raw) (\\w+)\"} (\\S+?)(?:,|$)");

    /**
     * Runs the points again printing both values, and describes every point: the largest share of its
     * tolerance each window used, and each point beyond its tolerance.
     */
    String values(ExternalTool promtool, Path dir) throws IOException {
      Path file = dir.resolve("values.test.yml");
      YAML.writeValue(file.toFile(), testFile(true));
      String output = promtool.run("test", "rules", file.toString()).output();
      Map<String, Duration> windows = new TreeMap<>();
      points.keySet().forEach(w -> windows.put(PromDuration.format(w), w));
      windows.put(PromDuration.format(BASE), BASE);
      Map<Duration, Map<Integer, double[]>> got = new LinkedHashMap<>();
      Matcher block = BLOCK.matcher(output);
      while (block.find()) {
        int minute = (int) PromDuration.parse(block.group(1)).toMinutes();
        Matcher value = VALUE.matcher(block.group(2));
        while (value.find()) {
          double[] both = got.computeIfAbsent(windows.get(value.group(2)), w -> new TreeMap<>())
              .computeIfAbsent(minute, m -> new double[] {Double.NaN, Double.NaN});
          both["rec".equals(value.group(1)) ? 0 : 1] = Double.parseDouble(value.group(3));
        }
      }
      StringBuilder out = new StringBuilder(c.where() + " (" + c.describe() + "); values in " + file + "\n");
      List<String> beyond = new ArrayList<>();
      for (Map.Entry<Duration, Map<Integer, Bound>> window : points.entrySet()) {
        double worst = 0;
        double largest = 0;
        int at = -1;
        for (Map.Entry<Integer, Bound> point : window.getValue().entrySet()) {
          double[] v = got.getOrDefault(window.getKey(), Map.of()).get(point.getKey());
          double diff = v == null ? Double.NaN : Math.abs(v[0] - v[1]);
          double share = diff / point.getValue().tolerance();
          if (!(share <= worst)) {
            worst = share;
            at = point.getKey();
          }
          largest = Math.max(largest, diff);
          if (!(diff <= point.getValue().tolerance())) {
            beyond.add(String.format(Locale.ROOT, "  %s at %dm: recorded %s, raw %s, |difference| %.3g > %s",
                PromDuration.format(window.getKey()), point.getKey(), v == null ? "none" : v[0],
                v == null ? "none" : v[1], diff, point.getValue()));
          }
        }
        out.append(String.format(Locale.ROOT, "  %-6s %3d points, largest |difference| %.3g, at most %.3f of the"
            + " tolerance (at %dm: %s)%n", PromDuration.format(window.getKey()), window.getValue().size(), largest,
            worst, at, window.getValue().get(at)));
      }
      double base = 0;
      for (Map.Entry<Integer, double[]> point : got.getOrDefault(BASE, Map.of()).entrySet()) {
        double diff = Math.abs(point.getValue()[0] - point.getValue()[1]);
        base = Double.isNaN(diff) ? Double.NaN : Math.max(base, diff);
        if (!(diff <= ROUNDING)) {
          beyond.add("  5m at " + point.getKey() + "m: recorded " + point.getValue()[0] + ", raw "
              + point.getValue()[1]);
        }
      }
      out.append(String.format(Locale.ROOT, "  5m     largest |difference| %.3g%n", base));
      beyond.stream().limit(40).forEach(line -> out.append(line).append('\n'));
      return out.toString();
    }
  }

  /** How far the two forms may differ at one point, in parts (see the class comment). */
  record Bound(double averaging, double recordedGaps, double rawGaps, double ratio, double totalRate) {
    double tolerance() {
      return averaging + recordedGaps + rawGaps + ROUNDING;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "tolerance %.3g = averaging %.3g + gaps and starts %.3g (recorded) + %.3g"
          + " (raw); raw ratio %.4g of %.1f events/min", tolerance(), averaging, recordedGaps, rawGaps, ratio,
          totalRate);
    }
  }

  /** One random SLO, its history and where to compare. */
  static final class Case {
    final int index;
    final long seed;
    final Slo slo;
    /** The compared windows, shortest first: every window the SLO records but the 5m base. */
    final List<Duration> windows;
    final History history;
    final Map<Duration, List<Integer>> evaluations = new LinkedHashMap<>();

    private Case(int index, long seed, Slo slo, History history, Random random) {
      this.index = index;
      this.seed = seed;
      this.slo = slo;
      this.windows = BurnRates.recordedWindows(slo).stream().filter(w -> !w.equals(BASE)).toList();
      this.history = history;
      for (Duration w : windows) {
        // From the first minute whose oldest five-minute rate holds five minutes of history, every 1 to 4
        // minutes, so that the points fall at every phase of the gaps and steps.
        List<Integer> times = new ArrayList<>();
        for (int t = (int) w.toMinutes() + 5 + random.nextInt(3); t < history.minutes; t += 1 + random.nextInt(4)) {
          times.add(t);
        }
        evaluations.put(w, times);
      }
    }

    static Case random(int index, long seed) {
      long caseSeed = seed + index;
      // Mixed, since java.util.Random draws alike first values from neighbouring seeds.
      Random random = new Random(new SplittableRandom(caseSeed).nextLong());
      boolean latency = random.nextBoolean();
      Slo slo = latency ? Slo.latency(Duration.ofMillis(300)) : Slo.availability(99.9);
      slo = slo.percent(OBJECTIVES[random.nextInt(OBJECTIVES.length)])
          .over(Duration.ofDays(random.nextBoolean() ? 7 : 30));
      // One case in four reads a six-hour window; the others at most three hours.
      Duration longest = random.nextInt(4) == 0 ? Duration.ofHours(6) : LONG[random.nextInt(LONG.length)];
      slo = slo.pageWhen(condition(random, longest));
      if (random.nextInt(3) == 0) {
        slo = slo.withoutTickets();
      } else {
        slo = slo.ticketWhen(condition(random, LONG[random.nextInt(LONG.length)]));
      }
      long max = BurnRates.recordedWindows(slo).stream().mapToLong(Duration::toMinutes).max().orElseThrow();
      int minutes = (int) max + 5 + 90 + random.nextInt(60);
      return new Case(index, caseSeed, slo, History.random(random, minutes, latency), random);
    }

    private static BurnRateWindow condition(Random random, Duration longWindow) {
      Duration shortWindow;
      do {
        shortWindow = SHORT[random.nextInt(SHORT.length)];
      } while (shortWindow.compareTo(longWindow) >= 0);
      return BurnRateWindow.of(longWindow, shortWindow, FACTORS[random.nextInt(FACTORS.length)]);
    }

    Declarations declarations() {
      return new SreRegistry().service(SERVICE, s -> s.tier(Tier.CRITICAL).signals(Micrometer.httpServer()).slo(slo))
          .declarations();
    }

    String where() {
      return "case " + index + " of seed " + SEED + " (case seed " + seed + ")";
    }

    String describe() {
      return slo.kind().name().toLowerCase(Locale.ROOT) + " " + slo.objectivePercent() + "% over "
          + slo.period().toDays() + "d, windows " + windows.stream().map(PromDuration::format).toList() + ", "
          + history.minutes + " minutes of history: " + history.events;
    }
  }

  /** One series of the input: its values at every minute, whether each was scraped, its share in the SLO. */
  static final class Series {
    final String selector;
    final int bad;
    final int total;
    final long[] values;
    final boolean[] present;
    final int start;
    /** What rate counts per minute: the increase, or after a reset the value. 0 up to the first sample. */
    final long[] increments;

    Series(String selector, int bad, int total, long[] values, boolean[] present, int start) {
      this.selector = selector;
      this.bad = bad;
      this.total = total;
      this.values = values;
      this.present = present;
      this.start = start;
      this.increments = new long[values.length];
      for (int m = start + 1; m < values.length; m++) {
        increments[m] = values[m] >= values[m - 1] ? values[m] - values[m - 1] : values[m];
      }
    }

    /** promtool's notation: {@code _xK} before the first sample, {@code _} for each missing one. */
    String promtoolValues() {
      StringBuilder out = new StringBuilder();
      if (start > 0) {
        out.append("_x").append(start);
      }
      for (int m = start; m < values.length; m++) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(present[m] ? Long.toString(values[m]) : "_");
      }
      return out.toString();
    }

    /**
     * How many events a rate over the {@code length} minutes up to {@code end} may count wrongly because
     * of missing samples at its ends or the series' start inside it (see the class comment).
     */
    double slack(int end, int length) {
      if (end <= start) {
        return 0;
      }
      int from = end - length;
      int missingAtEnd = 0;
      while (end - missingAtEnd > Math.max(from, start) && !present[end - missingAtEnd]) {
        missingAtEnd++;
      }
      int missingAtStart = 0;
      double started = 0;
      if (from < start) {
        started = values[start];
      } else {
        while (from + missingAtStart < end && !present[from + missingAtStart]) {
          missingAtStart++;
        }
      }
      if (missingAtEnd + missingAtStart == 0) {
        return started;
      }
      long largest = 0;
      for (int m = Math.max(from, start) + 1; m <= end; m++) {
        largest = Math.max(largest, increments[m]);
      }
      return started + (double) Math.min(length, missingAtEnd + missingAtStart) * largest;
    }
  }

  /** Counter histories at one-minute samples from minute 0 to {@code minutes - 1}. */
  static final class History {
    final int minutes;
    final List<Series> series;
    final String events;

    History(int minutes, List<Series> series, String events) {
      this.minutes = minutes;
      this.series = series;
      this.events = events;
    }

    List<Map<String, String>> inputSeries() {
      List<Map<String, String>> out = new ArrayList<>();
      for (Series s : series) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("series", s.selector);
        one.put("values", s.promtoolValues());
        out.add(one);
      }
      return out;
    }

    long bad(int minute) {
      return series.stream().mapToLong(s -> s.bad * s.increments[minute]).sum();
    }

    long total(int minute) {
      return series.stream().mapToLong(s -> s.total * s.increments[minute]).sum();
    }

    /** The tolerance of comparing a window of {@code n} minutes at minute {@code t}. */
    Bound bound(int t, int n) {
      // Weights of the per-minute increments at minute t - k, k = 0..n+4, in each form.
      double[] recordedRates = new double[n + 1];
      for (int q = 0; q <= n; q++) {
        recordedRates[q] = 1.0 / (n + 1);
      }
      double correction = 1.0 / (n * 60.0 / 150.0);
      recordedRates[0] += correction;
      recordedRates[n] -= correction;
      double[] d = new double[n + 5];
      for (int q = 0; q <= n; q++) {
        for (int j = 0; j < 5; j++) {
          d[q + j] += recordedRates[q] / 5;
        }
      }
      for (int k = 0; k < n; k++) {
        d[k] -= 1.0 / n;
        d[k] += 1.0 / n - 1.0 / (n + 1);
      }
      double badEvents = 0;
      double allEvents = 0;
      for (int k = 0; k < n; k++) {
        badEvents += bad(t - k);
        allEvents += total(t - k);
      }
      double ratio = badEvents / allEvents;
      double rate = allEvents / n;
      double z = 0;
      double totals = 0;
      for (int k = 0; k < n + 5; k++) {
        z += Math.abs(d[k]) * Math.abs(bad(t - k) - ratio * total(t - k));
        totals += Math.abs(d[k]) * Math.abs(total(t - k) - rate);
      }
      double averaging = z / (rate - totals);
      // Slack of missing samples and starts, in events per minute.
      double recordedZ = 0;
      double recordedTotal = 0;
      double rawZ = 0;
      double rawTotal = 0;
      for (Series s : series) {
        double recorded = 0;
        for (int q = 0; q <= n; q++) {
          recorded += Math.abs(recordedRates[q]) * s.slack(t - q, 5) / 5;
        }
        double raw = s.slack(t, n) / n;
        recordedZ += (Math.abs(s.bad) + (Math.abs(ratio) + averaging) * Math.abs(s.total)) * recorded;
        recordedTotal += Math.abs(s.total) * recorded;
        rawZ += Math.abs(s.bad - ratio * s.total) * raw;
        rawTotal += Math.abs(s.total) * raw;
      }
      // Positive denominators: the history keeps enough traffic that no slack can take the total rate to 0.
      assertTrue(rate - totals - recordedTotal > 0 && rate - rawTotal > 0, "the history's traffic at minute " + t
          + " is too uneven for a bound over " + n + "m: " + rate + " events/min, of which the averaging may move "
          + totals + ", gaps and starts " + recordedTotal + " (recorded) and " + rawTotal + " (raw)");
      return new Bound(averaging, recordedZ / (rate - totals - recordedTotal), rawZ / (rate - rawTotal), ratio, rate);
    }

    /**
     * A random history: instances with wandering, stepping request rates and error ratios with bursts,
     * counter resets, gaps, and one instance that starts in the middle.
     */
    static History random(Random random, int minutes, boolean latency) {
      int fromStart = 1 + random.nextInt(2);
      int instances = fromStart + 1;
      List<String> events = new ArrayList<>();
      List<List<Series>> byInstance = new ArrayList<>();
      List<Integer> resets = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        boolean late = i == fromStart;
        int start = late ? minutes / 4 + random.nextInt(minutes / 2) : 0;
        long[][] increments = requests(random, minutes, start);
        // A restart at the beginning of a minute: that minute's requests are the counter's new value.
        int reset = !late && (i == 0 || random.nextInt(4) > 0) ? 10 + random.nextInt(minutes - 20) : -1;
        resets.add(reset);
        String[] kinds = latency ? new String[] {"ok", "failed", "fast"} : new String[] {"ok", "failed"};
        List<Series> own = new ArrayList<>();
        for (int k = 0; k < kinds.length; k++) {
          long[] values = new long[minutes];
          values[start] = late ? random.nextInt(k == 1 ? 2 : 6) : 10_000 + random.nextInt(1_000_000);
          for (int m = start + 1; m < minutes; m++) {
            values[m] = m == reset ? increments[k][m] : values[m - 1] + increments[k][m];
          }
          boolean[] present = new boolean[minutes];
          for (int m = start; m < minutes; m++) {
            present[m] = true;
          }
          String instance = "instance=\"i-" + (i + 1) + "\"";
          String selector = switch (kinds[k]) {
            case "ok" -> "http_server_requests_seconds_count{job=\"" + SERVICE + "\", " + instance
                + ", outcome=\"SUCCESS\"}";
            case "failed" -> "http_server_requests_seconds_count{job=\"" + SERVICE + "\", " + instance
                + ", outcome=\"SERVER_ERROR\"}";
            default -> "http_server_requests_seconds_bucket{job=\"" + SERVICE + "\", " + instance + ", le=\"0.3\"}";
          };
          // Bad events: failed requests, or for latency all requests but the fast ones.
          int bad = latency ? (k == 2 ? -1 : 1) : (k == 1 ? 1 : 0);
          int total = k == 2 ? 0 : 1;
          own.add(new Series(selector, bad, total, values, present, start));
        }
        byInstance.add(own);
        events.add("i-" + (i + 1) + (late ? " starts at " + start + "m" : "")
            + (reset >= 0 ? " resets at " + reset + "m" : ""));
      }
      // Gaps of 1 to 3 samples, a whole scrape or a single series, away from resets, starts and other gaps.
      int gaps = 2 + random.nextInt(2);
      for (int g = 0, tries = 0; g < gaps && tries < 1000; tries++) {
        int i = random.nextInt(instances);
        List<Series> own = byInstance.get(i);
        int length = 1 + random.nextInt(3);
        int from = own.get(0).start + 6 + random.nextInt(minutes - own.get(0).start - 6 - length + 1);
        int reset = resets.get(i);
        if (reset >= 0 && from - 6 <= reset && reset <= from + length + 6) {
          continue;
        }
        List<Series> hit = random.nextInt(10) < 7 ? own : List.of(own.get(random.nextInt(own.size())));
        boolean clear = hit.stream().allMatch(s -> IntStream.range(Math.max(0, from - 6),
            Math.min(minutes, from + length + 6)).allMatch(m -> m < s.start || s.present[m]));
        if (!clear) {
          continue;
        }
        hit.forEach(s -> {
          for (int m = from; m < from + length; m++) {
            s.present[m] = false;
          }
        });
        events.add((hit == own ? "i-" + (i + 1) : hit.get(0).selector) + " misses " + length + " at " + from + "m");
        g++;
      }
      List<Series> all = new ArrayList<>();
      byInstance.forEach(all::addAll);
      return new History(minutes, all, String.join(", ", events));
    }

    /**
     * Per-minute ok, failed and fast requests of one instance: a rate that wanders by about 2% a minute
     * and now and then steps by half to double, error and slow ratios that wander below 3% and burst
     * to 5-20% for 3 to 30 minutes.
     */
    private static long[][] requests(Random random, int minutes, int start) {
      long[][] out = new long[3][minutes];
      double rate = 30 + random.nextDouble() * 270;
      Ratio errors = new Ratio(random);
      Ratio slow = new Ratio(random);
      for (int m = start + 1; m < minutes; m++) {
        rate *= Math.exp(0.02 * random.nextGaussian());
        if (random.nextInt(120) == 0) {
          rate *= 0.5 + 1.5 * random.nextDouble();
        }
        rate = Math.max(10, Math.min(2000, rate));
        long all = Math.max(1, Math.round(rate * (0.85 + 0.3 * random.nextDouble())));
        long failed = Math.min(all, Math.round(all * errors.next() * (0.7 + 0.6 * random.nextDouble())));
        long slowOnes = Math.min(all, Math.round(all * slow.next() * (0.7 + 0.6 * random.nextDouble())));
        out[0][m] = all - failed;
        out[1][m] = failed;
        out[2][m] = all - slowOnes;
      }
      return out;
    }
  }

  /** A share of requests: wanders around a base below 3%, with bursts. */
  private static final class Ratio {
    private final Random random;
    private final double base;
    private double value;
    private int burst;

    Ratio(Random random) {
      this.random = random;
      this.base = random.nextDouble() * 0.03;
      this.value = base;
    }

    double next() {
      if (burst > 0 && --burst == 0) {
        value = base;
      } else if (burst == 0 && random.nextInt(100) == 0) {
        burst = 3 + random.nextInt(28);
        value = 0.05 + random.nextDouble() * 0.15;
      }
      value = Math.max(0, Math.min(0.2, value + 0.002 * random.nextGaussian()));
      return value;
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
