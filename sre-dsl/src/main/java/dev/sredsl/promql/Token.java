package dev.sredsl.promql;

/** One lexical token of a PromQL expression; {@code position} is the 0-based char index. */
record Token(Kind kind, String text, int position) {

  enum Kind {
    EOF, NUMBER, STRING, DURATION, IDENTIFIER, METRIC_IDENTIFIER,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACE, RIGHT_BRACE, LEFT_BRACKET, RIGHT_BRACKET,
    COMMA, ASSIGN, COLON, AT,
    ADD, SUB, MUL, DIV, MOD, POW, EQLC, NEQ, LTE, LSS, GTE, GTR, EQL_REGEX, NEQ_REGEX,
    // Keywords, matched case-insensitively.
    AND, OR, UNLESS, ATAN2,
    SUM, AVG, COUNT, MIN, MAX, GROUP, STDDEV, STDVAR, TOPK, BOTTOMK, COUNT_VALUES, QUANTILE,
    OFFSET, BY, WITHOUT, ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, BOOL, START, END
  }

  /** How the token reads in an error message. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of expression";
      case NUMBER -> "number " + text;
      case STRING -> "string " + text;
      case DURATION -> "duration " + text;
      case IDENTIFIER, METRIC_IDENTIFIER -> "'" + text + "'";
      default -> "'" + text + "'";
    };
  }
}
