package dev.sredsl.problem;

/**
 * One thing wrong with the declarations, phrased so that a person can fix it: which service, which
 * element of it, what is wrong and what to write instead.
 *
 * @param service the service's name as declared, or {@code null} for problems outside any service
 * @param element e.g. {@code alert 'HighErrors'}, or {@code null} for the service itself
 * @param message what is wrong and the fix
 */
public record Problem(String service, String element, String message) {

  public static Problem of(String service, String element, String message) {
    return new Problem(service, element, message);
  }

  /** Formats as {@code service 'checkout', alert 'HighErrors': 'for' must be positive, was PT0S}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (service != null) {
      out.append("service ").append(quoteName(service));
    }
    if (element != null) {
      out.append(out.length() > 0 ? ", " : "").append(element);
    }
    return out.append(out.length() > 0 ? ": " : "").append(message).toString();
  }

  /**
   * Quotes a user-chosen name for a message; control characters are escaped so that a hostile name
   * cannot split the one-line message. A missing name reads {@code <unnamed>}.
   */
  public static String quoteName(String name) {
    if (name == null) {
      return "<unnamed>";
    }
    StringBuilder out = new StringBuilder("'");
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('\'').toString();
  }
}
