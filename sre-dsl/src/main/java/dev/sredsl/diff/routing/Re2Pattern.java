package dev.sredsl.diff.routing;

import dev.sredsl.promql.PromQL;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a matcher's RE2 regex (Go's {@code regexp} syntax, which Alertmanager uses) into a
 * {@link Pattern} that matches the same values, to be used with {@link java.util.regex.Matcher#matches()}
 * (the whole value, as Alertmanager's {@code ^(?:regex)$}).
 *
 * <p>The regex is first checked against RE2's rules ({@link PromQL#regexProblem}), so constructs Java
 * knows and RE2 rejects (lookaround, backreferences, possessive quantifiers) are refused as Alertmanager
 * refuses them. What RE2 writes differently is then translated: POSIX classes ({@code [[:alpha:]]}),
 * Unicode scripts ({@code \p{Greek}}), {@code (?P<name>...)}, octal and {@code \v} escapes, and the
 * literal {@code [} and {@code &&} inside a character class. Java's {@code .} and {@code $} are given
 * RE2's meaning by {@link Pattern#UNIX_LINES} ({@code \n} is the only line end), and {@code (?i)} folds
 * Unicode case as RE2 does. Known remaining differences, rare in routing: {@code \s} also matches
 * {@code \x0B} in Java, and {@code (?U)} means ungreedy in RE2 but Unicode classes in Java.
 */
final class Re2Pattern {

  private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
      Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
      Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
      Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
      Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
      Map.entry("xdigit", "XDigit"));

  private final String regex;
  private final StringBuilder java = new StringBuilder();
  private int pos;

  private Re2Pattern(String regex) {
    this.regex = regex;
  }

  /**
   * @param regex the matcher's value, without the anchors Alertmanager adds
   * @return a pattern whose {@code matches()} is Alertmanager's match
   * @throws IllegalArgumentException saying why Alertmanager would reject the regex, or that it uses
   *     RE2 syntax this library cannot evaluate
   */
  static Pattern compile(String regex) {
    // Alertmanager compiles only the anchored form, so "a)|(b" is valid there (Prometheus also parses
    // the bare expression and refuses it): the group makes regexProblem's two checks that one.
    String grouped = "(?:" + regex + ")";
    String problem = PromQL.regexProblem(grouped);
    if (problem != null) {
      throw new IllegalArgumentException("not a valid RE2 regular expression: " + problem);
    }
    String translated = new Re2Pattern(grouped).translate();
    try {
      return Pattern.compile(translated, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("a regular expression RE2 accepts but this tool cannot evaluate ("
          + e.getDescription() + "); write it without that construct");
    }
  }

  private String translate() {
    while (pos < regex.length()) {
      char c = regex.charAt(pos);
      if (c == '\\') {
        escape(false);
      } else if (c == '[') {
        characterClass();
      } else if (regex.startsWith("(?P<", pos)) {
        java.append("(?<");
        pos += 4;
      } else {
        java.append(c);
        pos++;
      }
    }
    return java.toString();
  }

  /** From {@code [} to its {@code ]}; RE2 checked that it is closed. */
  private void characterClass() {
    java.append('[');
    pos++;
    if (pos < regex.length() && regex.charAt(pos) == '^') {
      java.append('^');
      pos++;
    }
    if (pos < regex.length() && regex.charAt(pos) == ']') {
      java.append("\\]"); // a ']' first in the class is a literal in RE2
      pos++;
    }
    while (pos < regex.length() && regex.charAt(pos) != ']') {
      char c = regex.charAt(pos);
      if (c == '\\') {
        escape(true);
      } else if (c == '[' && regex.startsWith("[:", pos) && regex.indexOf(":]", pos + 2) > 0) {
        posixClass();
      } else if (c == '[' || c == '&') {
        java.append('\\').append(c); // literals in RE2, a nested class or an intersection in Java
        pos++;
      } else {
        java.append(c);
        pos++;
      }
    }
    java.append(']');
    pos++;
  }

  /** {@code [:alpha:]} or {@code [:^alpha:]}, inside a class. */
  private void posixClass() {
    int end = regex.indexOf(":]", pos + 2);
    String name = regex.substring(pos + 2, end);
    boolean negated = name.startsWith("^");
    String bare = negated ? name.substring(1) : name;
    if (bare.equals("word")) {
      java.append(negated ? "\\W" : "\\w");
    } else if (POSIX_CLASSES.containsKey(bare)) {
      java.append(negated ? "\\P{" : "\\p{").append(POSIX_CLASSES.get(bare)).append('}');
    } else {
      // Not a class RE2 knows: RE2 rejected it already; keep it literal for completeness.
      java.append("\\[").append(regex, pos + 1, end + 1).append("\\]");
    }
    pos = end + 2;
  }

  /** A backslash and what it escapes. */
  private void escape(boolean inClass) {
    if (pos + 1 >= regex.length()) {
      java.append("\\\\");
      pos++;
      return;
    }
    char next = regex.charAt(pos + 1);
    if (next == 'Q' && !inClass) {
      int end = regex.indexOf("\\E", pos + 2);
      String quoted = end < 0 ? regex.substring(pos + 2) : regex.substring(pos + 2, end);
      java.append(Pattern.quote(quoted));
      pos = end < 0 ? regex.length() : end + 2;
    } else if (next == 'p' || next == 'P') {
      unicodeClass(next == 'P');
    } else if (next == 'v') {
      java.append("\\x0B");
      pos += 2;
    } else if (next >= '0' && next <= '7') {
      int end = pos + 1;
      while (end < regex.length() && end < pos + 4 && regex.charAt(end) >= '0' && regex.charAt(end) <= '7') {
        end++;
      }
      java.append("\\x{").append(Integer.toHexString(Integer.parseInt(regex.substring(pos + 1, end), 8))).append('}');
      pos = end;
    } else {
      java.append('\\').append(next);
      pos += 2;
    }
  }

  /** {@code \pL}, {@code \p{Greek}}, {@code \p{^Greek}}, {@code \PL}: Java needs the {@code Is} prefix for scripts. */
  private void unicodeClass(boolean negated) {
    if (pos + 2 < regex.length() && regex.charAt(pos + 2) == '{') {
      int end = regex.indexOf('}', pos + 3);
      String name = regex.substring(pos + 3, end);
      boolean not = negated;
      if (name.startsWith("^")) {
        not = !not;
        name = name.substring(1);
      }
      if (name.equals("Any")) {
        java.append(not ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
      } else {
        java.append(not ? "\\P{Is" : "\\p{Is").append(name).append('}');
      }
      pos = end + 1;
    } else {
      java.append(regex, pos, Math.min(regex.length(), pos + 3));
      pos += 3;
    }
  }
}
