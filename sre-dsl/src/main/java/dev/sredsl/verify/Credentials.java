package dev.sredsl.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to a Prometheus server: not at all, with HTTP basic auth, or with a bearer
 * token. Immutable. {@link #toString()} names the kind (and the basic-auth user) but never the
 * password or the token, so a value can be logged or put in a message safely.
 */
public final class Credentials {

  private enum Kind { NONE, BASIC, BEARER }

  private static final Credentials NONE = new Credentials(Kind.NONE, null, null);

  private final Kind kind;
  private final String user;
  private final String secret;

  private Credentials(Kind kind, String user, String secret) {
    this.kind = kind;
    this.user = user;
    this.secret = secret;
  }

  /**
   * No credentials: requests carry no {@code Authorization} header.
   *
   * @return the empty credentials
   */
  public static Credentials none() {
    return NONE;
  }

  /**
   * HTTP basic auth (RFC 7617), user and password encoded as UTF-8.
   *
   * @param user the user name, not empty and without {@code ':'} (basic auth cannot carry one)
   * @param password the password, may be empty
   * @return the credentials
   * @throws IllegalArgumentException if the user name is empty or holds a {@code ':'} or a control
   *     character; the message never shows the password
   */
  public static Credentials basic(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.indexOf(':') >= 0 || user.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a basic-auth user name must not be empty nor hold ':' or control characters");
    }
    return new Credentials(Kind.BASIC, user, password);
  }

  /**
   * A bearer token (RFC 6750), e.g. a service account token. Whitespace around it, such as the line
   * break at the end of a token file, is dropped.
   *
   * @param token the token
   * @return the credentials
   * @throws IllegalArgumentException if the token is blank or holds characters other than visible
   *     ASCII; the message never shows the token
   */
  public static Credentials bearer(String token) {
    Objects.requireNonNull(token, "token");
    String trimmed = token.strip();
    // Anything outside visible ASCII would be rejected by the HTTP client with a message that may quote it.
    if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException("a bearer token must not be blank and may hold only visible ASCII characters");
    }
    return new Credentials(Kind.BEARER, null, trimmed);
  }

  /**
   * Whether these are {@link #none()}.
   *
   * @return {@code true} when requests carry no credentials
   */
  public boolean isNone() {
    return kind == Kind.NONE;
  }

  /**
   * The value of the {@code Authorization} header that carries these credentials.
   *
   * @return {@code Basic ...} or {@code Bearer ...}, or empty for {@link #none()}
   */
  public Optional<String> authorizationHeader() {
    return switch (kind) {
      case BASIC -> Optional.of("Basic " + basicToken());
      case BEARER -> Optional.of("Bearer " + secret);
      case NONE -> Optional.empty();
    };
  }

  /**
   * Every text that would give the secret away, to scrub from messages that quote what a server sent:
   * the password or token, and the encoded header value.
   */
  List<String> secrets() {
    return switch (kind) {
      case BASIC -> secret.isEmpty() ? List.of(basicToken()) : List.of(secret, basicToken());
      case BEARER -> List.of(secret);
      case NONE -> List.of();
    };
  }

  private String basicToken() {
    return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** Two credentials are equal when they authenticate the same way as the same principal with the same secret. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Credentials)) {
      return false;
    }
    Credentials that = (Credentials) other;
    return kind == that.kind && Objects.equals(user, that.user) && Objects.equals(secret, that.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, user, secret);
  }

  /**
   * What kind of credentials these are, without the secret.
   *
   * @return {@code no credentials}, {@code basic auth as 'alice'} or {@code bearer token}
   */
  @Override
  public String toString() {
    return switch (kind) {
      case BASIC -> "basic auth as '" + user + "'";
      case BEARER -> "bearer token";
      case NONE -> "no credentials";
    };
  }
}
