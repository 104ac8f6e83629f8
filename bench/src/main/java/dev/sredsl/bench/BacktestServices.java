package dev.sredsl.bench;

import static dev.sredsl.dsl.Conditions.errorRatio;
import static dev.sredsl.dsl.Conditions.latency;
import static dev.sredsl.dsl.Conditions.signal;
import static dev.sredsl.dsl.Conditions.traffic;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Signal;
import dev.sredsl.model.SignalKind;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.presets.Micrometer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The services of the backtest benchmark and the history they are backtested on, declared together so
 * that every alert reads series that exist.
 *
 * <p>Each service ({@code job="<name>"}) has four counter series, {@code uri="/api"}:
 * {@code http_server_requests_seconds_count} for {@code outcome="SUCCESS"} (10 requests a second) and
 * for {@code outcome="SERVER_ERROR"} (none, but 5 a second during one 30-minute burst), and the
 * successes' {@code http_server_requests_seconds_bucket} for {@code le="1.0"} (99.9% of them, 80% during
 * the burst) and {@code le="+Inf"}. The burst of service {@code i} starts on day 4 of the window at
 * {@code i} minutes past 14:00 (modulo a day), so that the services do not all fail at once.
 *
 * <p>Each service has ten alerts: eight declared ones (three on the error ratio, one on p99 latency,
 * three on traffic, one on a custom errors signal) and the two burn-rate alerts of its availability SLO
 * (99.9% over 30 days). The burst fires the error-ratio alerts, the latency alert, the signal alert and
 * the fast and slow burn; the traffic alerts stay quiet.
 */
final class BacktestServices implements SreDefinitions {

  static final String REQUESTS = "http_server_requests_seconds";
  static final double SUCCESSES_PER_SECOND = 10;
  static final double ERRORS_PER_SECOND_IN_BURST = 5;
  static final Duration BURST_LENGTH = Duration.ofMinutes(30);
  /** Series per service in the history. */
  static final int SERIES_PER_SERVICE = 4;
  /** Alerts per service: eight declared, two burn-rate alerts of the SLO. */
  static final int ALERTS_PER_SERVICE = 10;

  private final int count;

  BacktestServices(int count) {
    this.count = count;
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "svc-%03d", i);
  }

  /** The first second of service {@code i}'s error burst, for a window starting at {@code windowStart}. */
  static long burstStart(int i, Instant windowStart) {
    Duration offset = Duration.ofDays(3).plusHours(14).plusMinutes(i % (24 * 60));
    return windowStart.plus(offset).getEpochSecond();
  }

  /** Adds the four series of each service to the history. */
  void addHistory(CounterHistory history, Instant windowStart) {
    for (int i = 0; i < count; i++) {
      String job = name(i);
      long from = burstStart(i, windowStart);
      long to = from + BURST_LENGTH.getSeconds();
      Map<String, String> success = Map.of("job", job, "outcome", "SUCCESS", "uri", "/api");
      history.counter(REQUESTS + "_count", success, t -> SUCCESSES_PER_SECOND);
      history.counter(REQUESTS + "_count", Map.of("job", job, "outcome", "SERVER_ERROR", "uri", "/api"),
          t -> t >= from && t < to ? ERRORS_PER_SECOND_IN_BURST : 0);
      history.counter(REQUESTS + "_bucket", Map.of("job", job, "outcome", "SUCCESS", "uri", "/api", "le", "1.0"),
          t -> SUCCESSES_PER_SECOND * (t >= from && t < to ? 0.8 : 0.999));
      history.counter(REQUESTS + "_bucket", Map.of("job", job, "outcome", "SUCCESS", "uri", "/api", "le", "+Inf"),
          t -> SUCCESSES_PER_SECOND);
    }
  }

  @Override
  public void define(SreRegistry sre) {
    for (int i = 0; i < count; i++) {
      String name = name(i);
      String team = String.format(Locale.ROOT, "team-%02d", i / 10);
      String camel = "Svc" + i;
      sre.service(name, s -> s
          .tier(Tier.CRITICAL)
          .owner(o -> o.team(team).onCall(team + "-primary").escalation(team + "-secondary"))
          // The designed history has no up series; the ten alerts below are what the benchmark replays.
          .withoutMissingDataAlerts("The benchmark's history is designed without up series.")
          .signals(Micrometer.httpServer())
          .signal(Signal.custom(SignalKind.ERRORS, "api-errors",
              "sum(rate(" + REQUESTS + "_count{job=\"" + name + "\",uri=\"/api\",outcome=\"SERVER_ERROR\"}[5m]))"))
          .slo(Slo.availability(99.9))
          .alert(camel + "ErrorBurst", a -> a.when(errorRatio().over("5m").above(0.05)).lasting("5m")
              .severity(Severity.PAGE).summary("Fails more than 5% of requests."))
          .alert(camel + "ElevatedErrors", a -> a.when(errorRatio().over("30m").above(0.01)).lasting("15m")
              .severity(Severity.TICKET).summary("Fails more than 1% of requests over half an hour."))
          .alert(camel + "ErrorsLinger", a -> a.when(errorRatio().over("1h").above(0.001)).lasting("30m")
              .severity(Severity.INFO).summary("Fails more than 0.1% of requests over an hour."))
          .alert(camel + "SlowRequests", a -> a.when(latency(0.99).over("10m").above(Duration.ofMillis(800)))
              .lasting("10m").severity(Severity.TICKET).summary("p99 latency is above 800 ms."))
          .alert(camel + "NoTraffic", a -> a.when(traffic().over("10m").below(0.1)).lasting("10m")
              .severity(Severity.PAGE).summary("Receives almost no requests."))
          .alert(camel + "TrafficLow", a -> a.when(traffic().over("5m").below(5)).lasting("5m")
              .severity(Severity.TICKET).summary("Receives less than half its usual traffic."))
          .alert(camel + "TrafficSurge", a -> a.when(traffic().over("5m").above(5000)).lasting("5m")
              .severity(Severity.INFO).summary("Receives more than 5000 requests per second."))
          .alert(camel + "ApiErrors", a -> a.when(signal("api-errors").above(1)).lasting("5m")
              .severity(Severity.TICKET).summary("More than one request a second fails.")));
    }
  }
}
