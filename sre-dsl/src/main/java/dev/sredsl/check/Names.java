package dev.sredsl.check;

import dev.sredsl.problem.Problem;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Naming rules for what users name: services, alerts, and the ids of signals, SLOs and dependencies. */
public final class Names {

  /** Like a DNS label (and a Kubernetes object name): it becomes file names and resource names. */
  private static final Pattern ID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ALERT = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
  /** Device names Windows reserves whatever the extension; a file named after them cannot be created. */
  private static final Set<String> WINDOWS_RESERVED = Set.of(
      "con", "prn", "aux", "nul",
      "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
      "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private Names() {}

  /** The problem with an id-like name, or {@code null} when it is valid. */
  public static String idProblem(String what, String name, String example) {
    if (name == null || name.isBlank()) {
      return what + " is missing; name it like '" + example + "'";
    }
    if (!ID.matcher(name).matches()) {
      return what + " " + Problem.quoteName(name) + " is not valid: use 1 to 63 lower-case letters, digits and"
          + " dashes, starting with a letter and not ending with a dash, e.g. '" + example + "'";
    }
    if (WINDOWS_RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return what + " " + Problem.quoteName(name) + " is a device name reserved by Windows and cannot name a"
          + " file; choose another, e.g. '" + name + "-service'";
    }
    return null;
  }

  /** The problem with an alert name, or {@code null} when it is valid. */
  public static String alertProblem(String name) {
    if (name == null || name.isBlank()) {
      return "alert name is missing; name it in CamelCase, e.g. 'CheckoutHighErrorRate'";
    }
    if (!ALERT.matcher(name).matches()) {
      return "alert name " + Problem.quoteName(name) + " is not valid: use CamelCase ASCII letters and"
          + " digits, starting with an upper-case letter, at most 100 characters, e.g. 'CheckoutHighErrorRate'";
    }
    return null;
  }
}
