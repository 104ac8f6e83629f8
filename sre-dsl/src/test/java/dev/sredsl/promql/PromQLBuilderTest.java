package dev.sredsl.promql;

import static dev.sredsl.promql.PromQL.binary;
import static dev.sredsl.promql.PromQL.div;
import static dev.sredsl.promql.PromQL.histogramQuantile;
import static dev.sredsl.promql.PromQL.metric;
import static dev.sredsl.promql.PromQL.number;
import static dev.sredsl.promql.PromQL.rate;
import static dev.sredsl.promql.PromQL.sum;
import static dev.sredsl.promql.PromQL.topk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromQLBuilderTest {

  @Test
  void buildersReadLikePromQL() {
    Expr errors = sum(rate(metric("http_server_requests_seconds_count").where("outcome", "SERVER_ERROR"), "5m"))
        .by("service");

    assertEquals("sum by (service) (rate(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}[5m]))",
        errors.toString());
    assertEquals(errors, PromQL.parse(errors.toString()));
  }

  @Test
  void theTreeOfABuiltExpressionEqualsTheParsedOne() {
    Expr built = binary(BinaryOp.GT,
        histogramQuantile(0.99, sum(rate(metric("latency_bucket"), Duration.ofMinutes(5))).by("le")),
        number(0.3));

    assertEquals(PromQL.parse("histogram_quantile(0.99, sum(rate(latency_bucket[5m])) by (le)) > 0.3"), built);
  }

  @Test
  void unknownFunctionsCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> PromQL.call("no_such_function"));
  }

  @Test
  void knowsTheFunctionsOfPrometheus242() {
    assertEquals(70, Functions.all().size());
    assertEquals(new Function("label_join", List.of(ValueType.INSTANT_VECTOR, ValueType.STRING, ValueType.STRING,
        ValueType.STRING), -1, ValueType.INSTANT_VECTOR), Functions.of("label_join"));
  }

  /** The printer adds exactly the parentheses precedence needs, and a canonical spacing. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ((a + b)) * c                       | (a + b) * c
      a + (b * c)                         | a + b * c
      a - (b - c)                         | a - (b - c)
      (a - b) - c                         | a - b - c
      a ^ (b ^ c)                         | a ^ b ^ c
      (a ^ b) ^ c                         | (a ^ b) ^ c
      -a ^ b                              | -a ^ b
      (-a) ^ b                            | (-a) ^ b
      -(a * b)                            | -(a * b)
      (-1) ^ 2                            | (-1) ^ 2
      -(1)                                | -(1)
      --1                                 | 1
      sum(x) BY (job)                     | sum by (job) (x)
      SUM WITHOUT () (x)                  | sum without () (x)
      a   AND ON ( x )   b                | a and on (x) b
      a * on(x) group_left (y) b          | a * on (x) group_left (y) b
      a * on(x) group_left b              | a * on (x) group_left b
      a * on(x) group_left () (b + c)     | a * on (x) group_left () (b + c)
      a > BOOL b                          | a > bool b
      x offset 5m @ 10                    | x @ 10 offset 5m
      x[5m] offset -1h30m                 | x[5m] offset -1h30m
      (a + b)[5m:1m]                      | (a + b)[5m:1m]
      rate(x[1d1h])[7d:]                  | rate(x[1d1h])[1w:]
      0x1F + 0755 + 1e3 + .5              | 31 + 493 + 1000 + 0.5
      x # a comment                       | x
      x{a='single', b=`raw\\`}            | x{a="single", b="raw\\\\"}
      """)
  void printsCanonically(String written, String canonical) {
    Expr parsed = PromQL.parse(written);

    assertEquals(canonical, parsed.toString());
    assertEquals(parsed, PromQL.parse(canonical));
  }

  @Test
  void topkTakesItsParameterFirst() {
    assertEquals("topk(5, up)", topk(5, metric("up")).toString());
    assertEquals("up / on (job) group_left up",
        binary(BinaryOp.DIV, metric("up"), metric("up"), VectorMatching.on("job").groupLeft()).toString());
    assertEquals("a / b", div(metric("a"), metric("b")).toString());
  }
}
