package dev.sredsl.promql;

import dev.sredsl.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a PromQL expression into tokens with the rules of Prometheus' own lexer, including its
 * states: inside braces only label names, strings and matchers are read; right after {@code [} a
 * duration is expected; {@code #} starts a comment to the end of the line; keywords are
 * case-insensitive.
 */
final class Lexer {

  private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
      Map.entry("and", Kind.AND), Map.entry("or", Kind.OR), Map.entry("unless", Kind.UNLESS),
      Map.entry("atan2", Kind.ATAN2), Map.entry("sum", Kind.SUM), Map.entry("avg", Kind.AVG),
      Map.entry("count", Kind.COUNT), Map.entry("min", Kind.MIN), Map.entry("max", Kind.MAX),
      Map.entry("group", Kind.GROUP), Map.entry("stddev", Kind.STDDEV), Map.entry("stdvar", Kind.STDVAR),
      Map.entry("topk", Kind.TOPK), Map.entry("bottomk", Kind.BOTTOMK),
      Map.entry("count_values", Kind.COUNT_VALUES), Map.entry("quantile", Kind.QUANTILE),
      Map.entry("offset", Kind.OFFSET), Map.entry("by", Kind.BY), Map.entry("without", Kind.WITHOUT),
      Map.entry("on", Kind.ON), Map.entry("ignoring", Kind.IGNORING), Map.entry("group_left", Kind.GROUP_LEFT),
      Map.entry("group_right", Kind.GROUP_RIGHT), Map.entry("bool", Kind.BOOL), Map.entry("start", Kind.START),
      Map.entry("end", Kind.END), Map.entry("inf", Kind.NUMBER), Map.entry("nan", Kind.NUMBER));

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;
  private boolean braceOpen;
  private boolean bracketOpen;
  private boolean gotColon;
  private int width;

  private Lexer(String input) {
    this.input = input;
  }

  static List<Token> tokenize(String input) {
    Lexer lexer = new Lexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      if (braceOpen) {
        insideBraces();
        continue;
      }
      if (input.startsWith("#", pos)) {
        comment();
        continue;
      }
      start = pos;
      int c = next();
      switch (c) {
        case -1 -> {
          if (parenDepth != 0) {
            throw error("unclosed left parenthesis; add ')'");
          }
          if (bracketOpen) {
            throw error("unclosed left bracket; add ']'");
          }
          emit(Kind.EOF);
          return;
        }
        case ',' -> emit(Kind.COMMA);
        case ' ', '\t', '\n', '\r' -> skipSpaces();
        case '*' -> emit(Kind.MUL);
        case '/' -> emit(Kind.DIV);
        case '%' -> emit(Kind.MOD);
        case '+' -> emit(Kind.ADD);
        case '-' -> emit(Kind.SUB);
        case '^' -> emit(Kind.POW);
        case '=' -> {
          if (peek() == '=') {
            next();
            emit(Kind.EQLC);
          } else if (peek() == '~') {
            throw error("'=~' is a label matcher and belongs inside braces: write metric{label=~\"regex\"}");
          } else {
            emit(Kind.ASSIGN);
          }
        }
        case '!' -> {
          if (next() == '=') {
            emit(Kind.NEQ);
          } else {
            throw error("'!' must be followed by '=' outside braces");
          }
        }
        case '<' -> emit(accept('=') ? Kind.LTE : Kind.LSS);
        case '>' -> emit(accept('=') ? Kind.GTE : Kind.GTR);
        case '"', '\'' -> string((char) c);
        case '`' -> rawString();
        case '(' -> {
          emit(Kind.LEFT_PAREN);
          parenDepth++;
        }
        case ')' -> {
          emit(Kind.RIGHT_PAREN);
          parenDepth--;
          if (parenDepth < 0) {
            throw error("')' closes no '('");
          }
        }
        case '{' -> {
          emit(Kind.LEFT_BRACE);
          braceOpen = true;
        }
        case '[' -> {
          if (bracketOpen) {
            throw error("'[' inside a range or subquery");
          }
          gotColon = false;
          emit(Kind.LEFT_BRACKET);
          while (isSpace(peek())) {
            next();
          }
          bracketOpen = true;
          duration();
        }
        case ']' -> {
          if (!bracketOpen) {
            throw error("']' closes no '['");
          }
          emit(Kind.RIGHT_BRACKET);
          bracketOpen = false;
        }
        case '@' -> emit(Kind.AT);
        default -> {
          if (isDigit(c) || (c == '.' && isDigit(peek()))) {
            pos = start;
            numberOrDuration();
          } else if (isAlpha(c) || c == ':') {
            if (!bracketOpen) {
              pos = start;
              keywordOrIdentifier();
            } else if (gotColon) {
              throw error("unexpected '" + (char) c + "' in a subquery; write [range:step]");
            } else {
              // Prometheus reads any letter here as the colon of a subquery.
              emit(Kind.COLON);
              gotColon = true;
            }
          } else {
            throw error("unexpected character " + describeChar(c)
                + (c == '&' ? "; for a set operation write 'and'" : c == '|' ? "; for a set operation write 'or'" : ""));
          }
        }
      }
    }
  }

  private void insideBraces() {
    if (input.startsWith("#", pos)) {
      comment();
      return;
    }
    start = pos;
    int c = next();
    if (c == -1) {
      throw error("unclosed '{'; add '}'");
    } else if (isSpace(c)) {
      skipSpaces();
    } else if (isAlpha(c)) {
      while (isAlphaNumeric(peek())) {
        next();
      }
      emit(Kind.IDENTIFIER);
    } else if (c == ',') {
      emit(Kind.COMMA);
    } else if (c == '"' || c == '\'') {
      string((char) c);
    } else if (c == '`') {
      rawString();
    } else if (c == '=') {
      emit(accept('~') ? Kind.EQL_REGEX : Kind.ASSIGN);
    } else if (c == '!') {
      int n = next();
      if (n == '~') {
        emit(Kind.NEQ_REGEX);
      } else if (n == '=') {
        emit(Kind.NEQ);
      } else {
        throw error("'!' inside braces must be '!=' or '!~'");
      }
    } else if (c == '{') {
      throw error("'{' inside braces");
    } else if (c == '}') {
      emit(Kind.RIGHT_BRACE);
      braceOpen = false;
    } else {
      throw error("unexpected character " + describeChar(c) + " inside braces; label names start with a"
          + " letter or '_'");
    }
  }

  private void comment() {
    while (pos < input.length() && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
      pos++;
    }
    start = pos;
  }

  private void skipSpaces() {
    while (isSpace(peek())) {
      next();
    }
    start = pos;
  }

  /** Right after '[': a duration, as Prometheus reads it. */
  private void duration() {
    start = pos;
    if (scanNumber()) {
      throw error("the duration " + inQuotes(input.substring(start, pos)) + " has no unit; add one of ms, s, m, h,"
          + " d, w, y, e.g. 5m");
    }
    if (!acceptRemainingDuration()) {
      throw error("bad duration " + inQuotes(input.substring(start, pos)) + "; write e.g. 5m or 1h30m");
    }
    backup();
    emit(Kind.DURATION);
  }

  private void numberOrDuration() {
    if (scanNumber()) {
      emit(Kind.NUMBER);
      return;
    }
    if (acceptRemainingDuration()) {
      backup();
      emit(Kind.DURATION);
      return;
    }
    throw error("bad number or duration " + inQuotes(input.substring(start, pos)));
  }

  private boolean acceptRemainingDuration() {
    if (!acceptAny("smhdwy")) {
      return false;
    }
    accept('s');
    while (acceptAny("0123456789")) {
      while (acceptAny("0123456789")) {
        // the rest of the number
      }
      if (!acceptAny("smhdw")) {
        return false;
      }
      accept('s');
    }
    return !isAlphaNumeric(next());
  }

  private boolean scanNumber() {
    String digits = "0123456789";
    if (accept('0') && acceptAny("xX")) {
      digits = "0123456789abcdefABCDEF";
    }
    acceptRun(digits);
    if (accept('.')) {
      acceptRun(digits);
    }
    if (acceptAny("eE")) {
      acceptAny("+-");
      acceptRun("0123456789");
    }
    return !isAlphaNumeric(peek());
  }

  private void keywordOrIdentifier() {
    while (isAlphaNumeric(peek()) || peek() == ':') {
      next();
    }
    String word = input.substring(start, pos);
    Kind keyword = KEYWORDS.get(word.toLowerCase(Locale.ROOT));
    if (keyword != null) {
      emit(keyword);
    } else {
      emit(word.indexOf(':') < 0 ? Kind.IDENTIFIER : Kind.METRIC_IDENTIFIER);
    }
  }

  private void string(char quote) {
    while (true) {
      int c = next();
      if (c == '\\') {
        escape(quote);
      } else if (c == -1 || c == '\n') {
        throw error("unterminated string; close it with " + quote);
      } else if (c == quote) {
        emit(Kind.STRING);
        return;
      }
    }
  }

  private void escape(char quote) {
    int c = next();
    int digits;
    int base;
    int max;
    switch (c) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
        return;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        digits = 3;
        base = 8;
        max = 255;
      }
      case 'x' -> {
        c = next();
        digits = 2;
        base = 16;
        max = 255;
      }
      case 'u' -> {
        c = next();
        digits = 4;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case 'U' -> {
        c = next();
        digits = 8;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case -1 -> throw error("escape sequence not terminated");
      default -> {
        if (c == quote) {
          return;
        }
        throw error("unknown escape sequence \\" + describeChar(c) + " in a string");
      }
    }
    long value = 0;
    while (digits > 0) {
      int d = Character.digit(c, 16);
      if (c < 0 || c > 'f' || d < 0 || d >= base) {
        throw error(c == -1 ? "escape sequence not terminated" : "illegal character " + describeChar(c)
            + " in escape sequence");
      }
      value = value * base + d;
      digits--;
      if (digits > 0) {
        c = next();
      }
    }
    if (value > max || (value >= 0xD800 && value < 0xE000)) {
      throw error("escape sequence is an invalid Unicode code point");
    }
  }

  private void rawString() {
    while (true) {
      int c = next();
      if (c == -1) {
        throw error("unterminated raw string; close it with `");
      }
      if (c == '`') {
        emit(Kind.STRING);
        return;
      }
    }
  }

  private void emit(Kind kind) {
    tokens.add(new Token(kind, input.substring(start, pos), start));
    start = pos;
  }

  private int next() {
    if (pos >= input.length()) {
      width = 0; // as in Prometheus: backing up after the end of input stays at the end
      return -1;
    }
    width = 1;
    return input.charAt(pos++);
  }

  private void backup() {
    pos -= width;
  }

  private int peek() {
    return pos < input.length() ? input.charAt(pos) : -1;
  }

  private boolean accept(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptAny(String valid) {
    int c = peek();
    if (c >= 0 && valid.indexOf(c) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (acceptAny(valid)) {
      // keep going
    }
  }

  private PromQLException error(String message) {
    return new PromQLException(Math.min(start, input.length()) + 1, message);
  }

  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlpha(int c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlphaNumeric(int c) {
    return isAlpha(c) || isDigit(c);
  }

  private static String describeChar(int c) {
    if (c < 0x20 || c == 0x7f) {
      return String.format(Locale.ROOT, "U+%04X", c);
    }
    return "'" + (char) c + "'";
  }

  private static String inQuotes(String text) {
    return "'" + text + "'";
  }
}
