package dev.sredsl.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a regular expression against the syntax of RE2 as Go's {@code regexp} package reads it (the
 * engine Prometheus matches labels with), which differs from {@link java.util.regex.Pattern}: no
 * lookaround, backreferences, possessive or stacked quantifiers, atomic groups or {@code (?<name>)};
 * repeat counts up to 1000; only Go's escapes. It also works out whether the expression can match
 * the empty string, which decides whether a selector without a metric name selects anything.
 */
final class Re2Syntax {

  /** The expression cannot be compiled. */
  static final class Error extends Exception {
    private static final long serialVersionUID = 1L;

    Error(String message) {
      super(message, null, false, false);
    }
  }

  private static final Set<String> POSIX_CLASSES = Set.of(
      "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
      "upper", "word", "xdigit");
  private static final Set<String> UNICODE_CATEGORIES = Set.of(
      "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl",
      "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
      "Any");
  private static final int MAX_REPEAT = 1000;

  private final String pattern;
  private int pos;
  /** Min and max of the counted repetition {@link #repeatOperator} just read, or null for * + ?. */
  private int[] lastCount;

  private Re2Syntax(String pattern) {
    this.pattern = pattern;
  }

  /**
   * @return whether the expression can match the empty string
   * @throws Error when Go's regexp package would reject it
   */
  static boolean check(String pattern) throws Error {
    Re2Syntax parser = new Re2Syntax(pattern);
    boolean nullable = parser.alternation(new ArrayList<>());
    if (parser.pos < pattern.length()) {
      throw new Error("unexpected ')'");
    }
    return nullable;
  }

  /**
   * A counted repetition ({@code x{n,m}}) and the counted repetitions inside it: Go rejects nestings
   * whose counts multiply beyond 1000, e.g. {@code (a{500}){3}}.
   */
  private record Repeat(int min, int max, List<Repeat> inner) {

    /** Go's repeatIsValid, to the letter: the largest count divides what the inner ones may use. */
    boolean isValid(int budget) {
      if (max == 0) {
        return true;
      }
      int m = max < 0 ? min : max;
      if (m > budget) {
        return false;
      }
      int rest = m > 0 ? budget / m : budget;
      return inner.stream().allMatch(r -> r.isValid(rest));
    }
  }

  /** @param repeats collects the counted repetitions at this level */
  private boolean alternation(List<Repeat> repeats) throws Error {
    boolean nullable = concatenation(repeats);
    while (peek() == '|') {
      pos++;
      nullable |= concatenation(repeats);
    }
    return nullable;
  }

  private boolean concatenation(List<Repeat> repeats) throws Error {
    List<Repeat> atomRepeats = new ArrayList<>(); // those of the last atom, which a repetition may wrap
    boolean nullable = true; // of everything read so far
    boolean nullableBeforeAtom = true; // of everything before the last atom
    boolean atomNullable = false;
    boolean hasAtom = false;
    boolean lastWasRepeat = false;
    while (pos < pattern.length() && peek() != '|' && peek() != ')') {
      int repeatMin = repeatOperator();
      if (repeatMin >= 0) {
        if (!hasAtom) {
          throw new Error("missing argument to repetition operator");
        }
        if (lastWasRepeat) {
          throw new Error("invalid nested repetition operator");
        }
        if (lastCount != null) {
          Repeat counted = new Repeat(lastCount[0], lastCount[1], atomRepeats);
          if ((counted.min() >= 2 || counted.max() >= 2) && !counted.isValid(MAX_REPEAT)) {
            throw new Error("invalid repeat count: nested repetitions allow at most " + MAX_REPEAT + " in all");
          }
          atomRepeats = new ArrayList<>(List.of(counted));
        }
        if (peek() == '?') {
          pos++; // non-greedy
        }
        // a*, a? and a{0,n} match the empty string whatever a is.
        atomNullable = repeatMin == 0 || atomNullable;
        nullable = nullableBeforeAtom && atomNullable;
        lastWasRepeat = true;
        continue;
      }
      if (pattern.startsWith("(?", pos) && isFlagGroupOnly()) {
        flags(); // "(?i)" changes flags and is no atom: a repetition after it applies to the atom before
        lastWasRepeat = false;
        continue;
      }
      repeats.addAll(atomRepeats);
      atomRepeats = new ArrayList<>();
      nullableBeforeAtom = nullable;
      atomNullable = atom(atomRepeats);
      nullable = nullableBeforeAtom && atomNullable;
      hasAtom = true;
      lastWasRepeat = false;
    }
    repeats.addAll(atomRepeats);
    return nullable;
  }

  /**
   * Reads a repetition operator at the current position.
   *
   * @return the operator's minimum count, or -1 when there is none here ('{' that is no valid repeat
   *     is a literal)
   */
  private int repeatOperator() throws Error {
    lastCount = null;
    char c = pattern.charAt(pos);
    if (c == '*' || c == '?') {
      pos++;
      return 0;
    }
    if (c == '+') {
      pos++;
      return 1;
    }
    if (c != '{') {
      return -1;
    }
    int save = pos;
    pos++;
    int min = number();
    if (min == -2) {
      pos = save;
      return -1;
    }
    int max = min;
    if (peek() == ',') {
      pos++;
      if (peek() == '}') {
        max = -1;
      } else {
        max = number();
        if (max == -2) {
          pos = save;
          return -1;
        }
      }
    }
    if (peek() != '}') {
      pos = save;
      return -1;
    }
    pos++;
    if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
      throw new Error("invalid repeat count " + pattern.substring(save, pos));
    }
    lastCount = new int[] {min, max};
    return min;
  }

  /** A decimal number as Go's regexp reads repeat counts: -2 when absent or with a leading zero, -1 when huge. */
  private int number() {
    int start = pos;
    while (pos < pattern.length() && Character.isDigit(pattern.charAt(pos)) && pattern.charAt(pos) < 128) {
      pos++;
    }
    if (pos == start || (pos - start >= 2 && pattern.charAt(start) == '0')) {
      return -2;
    }
    String digits = pattern.substring(start, pos);
    return digits.length() > 8 ? -1 : Integer.parseInt(digits);
  }

  /** @return whether the atom can match the empty string */
  private boolean atom(List<Repeat> repeats) throws Error {
    char c = pattern.charAt(pos);
    switch (c) {
      case '(':
        return group(repeats);
      case '[':
        characterClass();
        return false;
      case '\\':
        return escapeOutsideClass();
      case '^':
      case '$':
        pos++;
        return true;
      default:
        pos += Character.charCount(pattern.codePointAt(pos));
        return false;
    }
  }

  private boolean isFlagGroupOnly() {
    int i = pos + 2;
    while (i < pattern.length() && "imsU-".indexOf(pattern.charAt(i)) >= 0) {
      i++;
    }
    return i < pattern.length() && pattern.charAt(i) == ')';
  }

  /** "(?flags)" or "(?flags:" with Go's rules: flags from imsU, at most one '-', something after it. */
  private void flags() throws Error {
    int start = pos;
    pos += 2;
    boolean sawFlag = false;
    boolean sawMinus = false;
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos++);
      if ("imsU".indexOf(c) >= 0) {
        sawFlag = true;
      } else if (c == '-') {
        if (sawMinus) {
          break;
        }
        sawMinus = true;
        sawFlag = false;
      } else if (c == ':' || c == ')') {
        if (sawMinus && !sawFlag) {
          break; // "(?i-)": a '-' must be followed by a flag
        }
        return;
      } else {
        break;
      }
    }
    throw new Error("invalid or unsupported Perl syntax: '" + pattern.substring(start, Math.min(pos, pattern.length())) + "'");
  }

  private boolean group(List<Repeat> repeats) throws Error {
    if (pattern.startsWith("(?P<", pos)) {
      int end = pattern.indexOf('>', pos);
      if (end < 0) {
        throw new Error("invalid named capture");
      }
      String name = pattern.substring(pos + 4, end);
      if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || (ch < 128 && Character.isLetterOrDigit(ch)))) {
        throw new Error("invalid named capture '" + pattern.substring(pos, end + 1) + "'");
      }
      pos = end + 1;
    } else if (pattern.startsWith("(?", pos)) {
      int save = pos;
      int i = pos + 2;
      while (i < pattern.length() && "imsU-".indexOf(pattern.charAt(i)) >= 0) {
        i++;
      }
      if (i >= pattern.length() || pattern.charAt(i) != ':') {
        throw new Error("invalid or unsupported Perl syntax: '"
            + pattern.substring(save, Math.min(i + 1, pattern.length())) + "' (RE2 has no lookaround, atomic"
            + " groups or (?<name>); use (?P<name>...) for a named group)");
      }
      flags();
    } else {
      pos++;
    }
    boolean nullable = alternation(repeats);
    if (peek() != ')') {
      throw new Error("missing closing )");
    }
    pos++;
    return nullable;
  }

  private boolean escapeOutsideClass() throws Error {
    if (pos + 1 >= pattern.length()) {
      throw new Error("trailing backslash at end of expression");
    }
    char c = pattern.charAt(pos + 1);
    switch (c) {
      case 'A', 'z', 'B' -> {
        pos += 2;
        return true;
      }
      case 'b' -> {
        pos += 2;
        return false; // a word boundary needs a word character beside it
      }
      case 'C' -> throw new Error("invalid escape sequence \\C");
      case 'Q' -> {
        int end = pattern.indexOf("\\E", pos + 2);
        boolean empty = end == pos + 2 || (end < 0 && pos + 2 == pattern.length());
        pos = end < 0 ? pattern.length() : end + 2;
        return empty;
      }
      case 'd', 'D', 's', 'S', 'w', 'W' -> {
        pos += 2;
        return false;
      }
      case 'p', 'P' -> {
        unicodeClass();
        return false;
      }
      default -> {
        singleEscape();
        return false;
      }
    }
  }

  /** Reads one escaped character (the parts of Go's parseEscape shared with classes). */
  private void singleEscape() throws Error {
    int start = pos;
    pos++; // the backslash
    if (pos >= pattern.length()) {
      throw new Error("trailing backslash at end of expression");
    }
    char c = pattern.charAt(pos++);
    if (c >= '1' && c <= '7') {
      // A single non-zero digit is a backreference, which RE2 does not support; more digits are octal.
      if (pos >= pattern.length() || pattern.charAt(pos) < '0' || pattern.charAt(pos) > '7') {
        throw new Error("invalid escape sequence \\" + c + " (RE2 has no backreferences)");
      }
      c = '0';
    }
    if (c == '0') {
      for (int i = 1; i < 3 && pos < pattern.length() && pattern.charAt(pos) >= '0' && pattern.charAt(pos) <= '7'; i++) {
        pos++;
      }
      return;
    }
    if (c == 'x') {
      if (pos < pattern.length() && pattern.charAt(pos) == '{') {
        int end = pattern.indexOf('}', pos);
        String hex = end < 0 ? "" : pattern.substring(pos + 1, end);
        if (end < 0 || hex.isEmpty() || !hex.chars().allMatch(Re2Syntax::isHex) || hex.length() > 8
            || Long.parseLong(hex, 16) > Character.MAX_CODE_POINT) {
          throw new Error("invalid escape sequence \\x{" + hex);
        }
        pos = end + 1;
        return;
      }
      if (pos + 1 < pattern.length() && isHex(pattern.charAt(pos)) && isHex(pattern.charAt(pos + 1))) {
        pos += 2;
        return;
      }
      throw new Error("invalid escape sequence \\x: write two hex digits or \\x{...}");
    }
    if ("afnrtv".indexOf(c) >= 0) {
      return;
    }
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      return; // escaped punctuation stands for itself
    }
    throw new Error("invalid escape sequence '" + pattern.substring(start, pos) + "' (not an RE2 escape)");
  }

  private void unicodeClass() throws Error {
    int start = pos;
    pos += 2;
    if (pos >= pattern.length()) {
      throw new Error("invalid character class range '" + pattern.substring(start) + "'");
    }
    String name;
    if (pattern.charAt(pos) == '{') {
      int end = pattern.indexOf('}', pos);
      if (end < 0) {
        throw new Error("invalid character class range '" + pattern.substring(start) + "'");
      }
      name = pattern.substring(pos + 1, end);
      pos = end + 1;
      if (name.startsWith("^")) {
        name = name.substring(1);
      }
    } else {
      name = pattern.substring(pos, pos + Character.charCount(pattern.codePointAt(pos)));
      pos += name.length();
    }
    if (!UNICODE_CATEGORIES.contains(name) && !isScript(name)) {
      throw new Error("invalid character class range '" + pattern.substring(start, pos) + "'");
    }
  }

  /** Go names scripts like Java's constants in title case: OLD_ITALIC is Old_Italic. */
  private static boolean isScript(String name) {
    if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || (ch < 128 && Character.isLetter(ch)))) {
      return false;
    }
    try {
      Character.UnicodeScript script = Character.UnicodeScript.valueOf(name.toUpperCase(Locale.ROOT));
      StringBuilder goName = new StringBuilder();
      for (String part : script.name().split("_")) {
        if (goName.length() > 0) {
          goName.append('_');
        }
        goName.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
      return goName.toString().equals(name);
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private void characterClass() throws Error {
    int start = pos;
    pos++;
    if (peek() == '^') {
      pos++;
    }
    boolean first = true;
    while (pos >= pattern.length() || pattern.charAt(pos) != ']' || first) {
      first = false;
      if (pattern.startsWith("[:", pos)) {
        int end = pattern.indexOf(":]", pos + 2);
        if (end >= 0) {
          String name = pattern.substring(pos + 2, end);
          if (name.startsWith("^")) {
            name = name.substring(1);
          }
          if (!POSIX_CLASSES.contains(name)) {
            throw new Error("invalid character class range '" + pattern.substring(pos, end + 2) + "'");
          }
          pos = end + 2;
          continue;
        }
      }
      if (pattern.startsWith("\\p", pos) || pattern.startsWith("\\P", pos)) {
        unicodeClass();
        continue;
      }
      if (pos + 1 < pattern.length() && pattern.charAt(pos) == '\\' && "dDsSwW".indexOf(pattern.charAt(pos + 1)) >= 0) {
        pos += 2;
        continue;
      }
      int lo = classChar();
      if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
        pos++;
        int hi = classChar();
        if (hi < lo) {
          throw new Error("invalid character class range '" + pattern.substring(start, pos) + "'");
        }
      }
    }
    pos++;
  }

  private int classChar() throws Error {
    if (pos >= pattern.length()) {
      throw new Error("missing closing ]");
    }
    if (pattern.charAt(pos) == '\\') {
      int start = pos;
      singleEscape();
      return escapedValue(pattern.substring(start, pos));
    }
    int c = pattern.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  /** The character an escape stands for, to compare range bounds. */
  private static int escapedValue(String escape) {
    char c = escape.charAt(1);
    switch (c) {
      case 'a': return 7;
      case 'f': return 12;
      case 'n': return 10;
      case 'r': return 13;
      case 't': return 9;
      case 'v': return 11;
      case 'x': {
        String hex = escape.startsWith("\\x{") ? escape.substring(3, escape.length() - 1) : escape.substring(2);
        return Integer.parseInt(hex, 16);
      }
      default:
        if (c >= '0' && c <= '7') {
          return Integer.parseInt(escape.substring(1), 8);
        }
        return c;
    }
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private int peek() {
    return pos < pattern.length() ? pattern.charAt(pos) : -1;
  }
}
