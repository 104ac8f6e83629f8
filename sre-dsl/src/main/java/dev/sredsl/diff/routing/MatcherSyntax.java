package dev.sredsl.diff.routing;

import dev.sredsl.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code matchers:} entry as Alertmanager 0.25 reads it: {@code name="value"} with one of
 * {@code = != =~ !~}, whitespace around each part ignored, the value in double quotes or bare; inside
 * the value {@code \"}, {@code \\} and {@code \n} are escapes and any other backslash is literal. One
 * entry may hold several matchers separated by commas outside quotes, optionally in braces
 * ({@code {a="1", b!="2"}}).
 */
final class MatcherSyntax {

  /** Name, operator, raw value; {@code =~} before {@code =} so the tilde is not read into the value. */
  private static final Pattern MATCHER =
      Pattern.compile("^[\\t\\n\\f\\r ]*([a-zA-Z_:][a-zA-Z0-9_:]*)[\\t\\n\\f\\r ]*(=~|=|!=|!~)[\\t\\n\\f\\r ]*(.*?)"
          + "[\\t\\n\\f\\r ]*$", Pattern.DOTALL);

  static final String SYNTAX = "write name=\"value\" with one of = != =~ !~, escaping \" and \\ in the value"
      + " as \\\" and \\\\";

  private MatcherSyntax() {}

  /**
   * @param entry one entry of a route's {@code matchers:} list
   * @return its matchers, in the order written
   * @throws IllegalArgumentException saying what is wrong with the entry
   */
  static List<RouteMatcher> parseEntry(String entry) {
    String s = entry.startsWith("{") ? entry.substring(1) : entry;
    s = s.endsWith("}") ? s.substring(0, s.length() - 1) : s;
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    boolean insideQuotes = false;
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' && !insideQuotes) {
        pieces.add(piece.toString());
        piece.setLength(0);
        continue;
      }
      if (c == '"') {
        if (escaped) {
          escaped = false;
        } else {
          insideQuotes = !insideQuotes;
        }
      } else if (c == '\\') {
        escaped = !escaped;
      } else {
        escaped = false;
      }
      piece.append(c);
    }
    if (!piece.toString().strip().isEmpty()) {
      pieces.add(piece.toString().strip());
    }
    List<RouteMatcher> matchers = new ArrayList<>();
    for (String p : pieces) {
      matchers.add(parseMatcher(p));
    }
    return matchers;
  }

  private static RouteMatcher parseMatcher(String text) {
    Matcher m = MATCHER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(Problem.quoteName(text) + " is not a matcher; " + SYNTAX);
    }
    String raw = m.group(3);
    boolean quoted = raw.startsWith("\"");
    if (quoted) {
      raw = raw.substring(1);
    }
    StringBuilder value = new StringBuilder();
    boolean closed = !quoted;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i < raw.length() - 1) {
        char next = raw.charAt(++i);
        switch (next) {
          case 'n' -> value.append('\n');
          case '"', '\\' -> value.append(next);
          default -> value.append('\\').append(next);
        }
      } else if (c == '"') {
        if (closed || i < raw.length() - 1) {
          throw new IllegalArgumentException("the value of " + Problem.quoteName(text)
              + " has a double quote inside it; write it as \\\" and put the whole value in double quotes");
        }
        closed = true;
      } else {
        value.append(c);
      }
    }
    if (!closed) {
      throw new IllegalArgumentException("the value of " + Problem.quoteName(text)
          + " opens a double quote it does not close; " + SYNTAX);
    }
    RouteMatcher.Operator operator = switch (m.group(2)) {
      case "=" -> RouteMatcher.Operator.EQUAL;
      case "!=" -> RouteMatcher.Operator.NOT_EQUAL;
      case "=~" -> RouteMatcher.Operator.REGEX;
      default -> RouteMatcher.Operator.NOT_REGEX;
    };
    try {
      return RouteMatcher.of(m.group(1), operator, value.toString());
    } catch (IllegalArgumentException badRegex) {
      throw new IllegalArgumentException("the regex of " + Problem.quoteName(text) + " is " + badRegex.getMessage());
    }
  }
}
