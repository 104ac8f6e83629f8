package dev.sredsl.generate.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renders as Prometheus does (values checked against what promtool printed for the same input). */
class AnnotationTemplatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      0.0625     | 0.0625 | 6.25%   | 62.5m
      0.5        | 0.5    | 50%     | 500m
      64         | 64     | 6400%   | 64
      1.592      | 1.592  | 159.2%  | 1.592
      12345.678  | 12345.678 | 1.235e+06% | 12.35k
      0.00001    | 1e-05  | 0.001%  | 10u
      0          | 0      | 0%      | 0
      """)
  void formatsValuesLikeGo(double value, String plain, String percentage, String humanized) {
    assertEquals(plain, AnnotationTemplates.goDefault(value));
    assertEquals(percentage, AnnotationTemplates.fourDigits(value * 100) + "%");
    assertEquals(humanized, AnnotationTemplates.humanize(value));
  }

  @Test
  void rendersValueAndLabelsAndTrimsLikeGo() {
    assertEquals(Optional.of("api-1 is at 6.25% (0.0625, 0.06)"), AnnotationTemplates.render(
        "{{ $labels.instance }} is at {{ $value | humanizePercentage }} ({{$value}}, {{ printf \"%.2f\" $value }})",
        0.0625, Map.of("instance", "api-1")));
    assertEquals(Optional.of("a1b"), AnnotationTemplates.render("a  {{- $value -}}  b", 1, Map.of()));
  }

  @Test
  void reportsTemplatesItCannotRender() {
    assertEquals(Optional.empty(), AnnotationTemplates.render("{{ with query \"up\" }}{{ . }}{{ end }}", 1, Map.of()));
  }
}
