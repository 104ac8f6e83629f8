package dev.sredsl.verify;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's base URL taken apart: how to show it (never with credentials), where the API paths
 * go, and the credentials of a {@code user:password@} part, if it has one.
 *
 * @param display the URL as given, without user info, for messages
 * @param apiBase the URL the API paths are appended to: without user info and trailing slash, e.g.
 *     {@code https://mimir.example/prometheus}
 * @param userInfo basic-auth credentials from the URL's user info, if any
 */
record BaseUrl(String display, String apiBase, Optional<Credentials> userInfo) {

  /**
   * Parses a base URL.
   *
   * @throws IllegalArgumentException if it is not an absolute http or https URL with a host, or has a
   *     query or fragment; the message shows the URL without its user info
   */
  static BaseUrl of(URI url) {
    Objects.requireNonNull(url, "baseUrl");
    String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
    // The user info ends at the last '@' of the authority; everything after it is host and port.
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    // An opaque URI such as localhost:9090 has no user info to hide; show it as given.
    String display = url.isOpaque() ? url.toString() : (scheme.isEmpty() ? "" : scheme + "://") + hostAndPort + path;
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("the Prometheus URL must be an absolute http or https URL with a host, e.g."
          + " http://prometheus:9090, was " + display);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("the Prometheus URL must be the server's base URL, without a query or"
          + " fragment, was " + display);
    }
    String apiBase = scheme + "://" + hostAndPort + path.replaceAll("/+$", "");
    return new BaseUrl(display, apiBase, credentialsOf(url.getUserInfo()));
  }

  private static Optional<Credentials> credentialsOf(String userInfo) {
    if (userInfo == null || userInfo.isEmpty()) {
      return Optional.empty();
    }
    int colon = userInfo.indexOf(':');
    return colon < 0
        ? Optional.of(Credentials.basic(userInfo, ""))
        : Optional.of(Credentials.basic(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
  }
}
