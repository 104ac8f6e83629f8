package dev.sredsl.verify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request to the API: the method, the path under the base URL, the form parameters of a POST, and
 * what it asks about (a query, a selector, or nothing) so that a failure can name it.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the API path, e.g. {@code /api/v1/query}
 * @param form the form parameters, in order; empty for a GET
 * @param subjectKind {@code query} or {@code selector}, or {@code null} for a status endpoint
 * @param subject the query or selector text, or {@code null}
 */
record ApiCall(String method, String path, List<Map.Entry<String, String>> form, String subjectKind,
    String subject) {

  ApiCall {
    form = List.copyOf(form);
  }

  /** A GET of a status endpoint, without parameters. */
  static ApiCall get(String path) {
    return new ApiCall("GET", path, List.of(), null, null);
  }

  /**
   * A form-encoded POST. Prometheus takes the same parameters in a POST body as in the URL, and a body
   * has no length limit, which long generated queries need.
   */
  static ApiCall post(String path, String subjectKind, String subject, List<Map.Entry<String, String>> form) {
    return new ApiCall("POST", path, form, subjectKind, subject);
  }

  /** The body of a POST: {@code application/x-www-form-urlencoded}, UTF-8. */
  String formBody() {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, String> p : form) {
      pairs.add(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return String.join("&", pairs);
  }

  /**
   * A time as Prometheus takes it: seconds since the epoch with exactly three decimals, e.g.
   * {@code 1732838400.000}. Built from integers, so no locale can turn the point into a comma.
   */
  static String seconds(Instant time) {
    return seconds(time.toEpochMilli());
  }

  /** Milliseconds as seconds with three decimals; see {@link #seconds(Instant)}. */
  static String seconds(long millis) {
    String sign = millis < 0 ? "-" : "";
    long abs = Math.abs(millis);
    String fraction = Long.toString(abs % 1000);
    return sign + (abs / 1000) + "." + "000".substring(fraction.length()) + fraction;
  }
}
