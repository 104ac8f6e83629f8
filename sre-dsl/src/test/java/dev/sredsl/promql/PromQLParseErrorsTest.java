package dev.sredsl.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages of rejected expressions: the column of the problem and, in words, what to write instead. */
class PromQLParseErrorsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      sum(rate(foo[5m], "5m"))          | column 17: expected ')' after the arguments of rate, found ','
      rate(http_requests_total)         | column 6: argument 1 of rate must be a range vector, got an instant vector; add a range, e.g. x[5m]
      sum by job (x)                    | column 8: expected '(' and a label list after by, found 'job'; write by (label)
      sum(x) by job                     | column 11: expected '(' and a label list after by, found 'job'; write by (label)
      rate(x[5m]                        | column 11: unclosed left parenthesis; add ')'
      x{a="b"                           | column 8: unclosed '{'; add '}'
      x[5]                              | column 3: the duration '5' has no unit; add one of ms, s, m, h, d, w, y, e.g. 5m
      x[5m1h]                           | column 3: '5m1h' is not a valid duration: use the units y, w, d, h, m, s, ms in that order, each once, e.g. 1h30m
      x[0s]                             | column 3: duration '0s' must be greater than 0
      unknown_fn(x)                     | column 1: unknown function unknown_fn
      Rate(x[5m])                       | column 1: unknown function Rate; function names are lower case: rate
      foo = bar                         | column 5: unexpected '=' after a complete expression; to compare, write '=='
      foo && bar                        | column 5: unexpected character '&'; for a set operation write 'and'
      foo +                             | column 6: unexpected end of expression; expected an expression
      ~~                                | column 1: the expression is empty
      1 > 2                             | column 3: a comparison between two scalars needs bool, e.g. 1 > bool 2
      foo{job=~"(?=api)"}               | column 10: the regular expression of label job is not valid RE2: invalid or unsupported Perl syntax: '(?=' (RE2 has no lookaround, atomic groups or (?<name>); use (?P<name>...) for a named group)
      {job=""}                          | column 1: a selector without a metric name needs at least one matcher that does not match the empty string, e.g. {job="api"}; {job=""} would select every series
      (foo)[5m]                         | column 6: a range [5m] is allowed only directly after a metric selector; for other expressions use a subquery [5m:]
      sum(foo) offset 5m                | column 10: offset must follow a selector, a range selector or a subquery; move it next to the selector inside the function or aggregation
      topk(foo)                         | column 1: topk takes 2 arguments, got 1
      foo and 1                         | column 5: 'and' applies only between two instant vectors, not to a scalar
      foo[5m] + 1                       | column 9: '+' combines only scalars and instant vectors; its left side is a range vector; wrap the range in a function such as rate(x[5m])
      histogram_quantile(foo, bar)      | column 20: argument 1 of histogram_quantile must be a scalar, got an instant vector
      1e400                             | column 1: '1e400' is too large for a 64-bit float
      "unterminated                     | column 1: unterminated string; close it with "
      """)
  void reportsTheColumnAndWhatToDo(String expression, String message) {
    PromQLException e = assertThrows(PromQLException.class, () -> PromQL.parse(expression));
    assertEquals(message, e.getMessage());
  }
}
