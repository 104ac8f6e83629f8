package dev.sredsl.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.problem.SettingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Coverage ratios of an earlier build (its {@code sre-coverage.json}, e.g. from main): with it, a
 * counter that drops fails the gate, so coverage only ever rises.
 *
 * @param ratios service name (or {@code ""} for the build) to counter to covered ratio
 */
public record Baseline(Map<String, Map<CoverageCounter, Double>> ratios) {

  /**
   * Reads the ratios of an earlier {@code sre-coverage.json}.
   *
   * @param setting the name of the setting that named the file, for the message
   * @throws SettingException when the file cannot be read or is not a coverage report
   */
  public static Baseline read(Path file, String setting) {
    try {
      return CoverageReports.baseline(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException | IllegalArgumentException e) {
      throw new SettingException(setting + " " + file + " cannot be read as an sre-coverage.json: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** A small tolerance, so that a ratio printed and read back with rounding does not count as a drop. */
  private static final double TOLERANCE = 1e-9;

  List<String> drops(Coverage coverage) {
    List<String> drops = new ArrayList<>();
    List<String> scopes = new ArrayList<>(coverage.services());
    scopes.add(null);
    for (String scope : scopes) {
      Map<CoverageCounter, Double> before = ratios.get(scope == null ? "" : scope);
      if (before == null) {
        continue;
      }
      for (Map.Entry<CoverageCounter, Double> e : before.entrySet()) {
        double now = coverage.value(scope, e.getKey()).coveredRatio();
        if (now < e.getValue() - TOLERANCE) {
          drops.add((scope == null ? "build" : "service " + scope) + ": " + Counters.words(e.getKey())
              + " dropped from " + String.format(Locale.ROOT, "%.2f", e.getValue()) + " in the baseline to "
              + String.format(Locale.ROOT, "%.2f", now) + CoverageCheck.missed(coverage, scope, e.getKey()));
        }
      }
    }
    return drops;
  }
}
