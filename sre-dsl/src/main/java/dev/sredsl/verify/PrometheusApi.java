package dev.sredsl.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of Prometheus' HTTP API that verification reads (Prometheus, Thanos Query, Mimir's
 * Prometheus path). Every method fails with {@link PrometheusApiException}, whose message is one line
 * a user can act on; none ever holds credentials.
 */
public interface PrometheusApi {

  /** The server the API talks to, for messages; never with credentials in it. */
  String describe();

  /** An instant query; a scalar result comes back as one sample without labels. */
  List<Sample> query(String promql, Instant time);

  /**
   * A range query. Ranges of more points than the server allows (11,000) are split into several
   * queries and their results joined, each series' points in time order.
   */
  List<RangeSeries> queryRange(String promql, Instant start, Instant end, Duration step);

  /** The label sets of the series that match the selector between start and end ({@code /api/v1/series}). */
  List<Map<String, String>> series(String selector, Instant start, Instant end);

  /** The server's configuration file ({@code /api/v1/status/config}), when it shows it. */
  Optional<String> config();

  /**
   * How long the server keeps samples ({@code storage.tsdb.retention.time} of
   * {@code /api/v1/status/flags}), when it says.
   */
  Optional<Duration> retention();

  /** One sample of an instant vector; {@code labels} include {@code __name__} when the result has one. */
  record Sample(Map<String, String> labels, double value) {}

  /** One series of a range result. */
  record RangeSeries(Map<String, String> labels, List<Point> points) {}

  /** A value at a time (milliseconds since the epoch). */
  record Point(long timeMillis, double value) {}
}
