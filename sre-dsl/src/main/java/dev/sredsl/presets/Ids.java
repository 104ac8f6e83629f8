package dev.sredsl.presets;

import java.util.Locale;

/**
 * Signal ids derived from names the instrumented code chose (a pool, an executor, a client id). Those
 * names follow no rule (HikariCP's default pool name is {@code HikariPool-1}), so they are folded into
 * the lower-case, dash-separated form signal ids need.
 */
final class Ids {

  private static final int MAX_LENGTH = 63;

  private Ids() {}

  static String of(String prefix, String name) {
    String folded = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String id = (prefix + "-" + folded).replaceAll("-+", "-").replaceAll("-$", "");
    if (id.length() > MAX_LENGTH) {
      id = id.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return id;
  }
}
