package dev.sredsl.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.coverage.Baseline;
import dev.sredsl.coverage.Coverage;
import dev.sredsl.coverage.CoverageAnalyzer;
import dev.sredsl.coverage.CoverageCheck;
import dev.sredsl.coverage.CoverageReports;
import dev.sredsl.coverage.CoverageRule;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Service;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.pipeline.SrePipeline;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The coverage gate: counts what the definitions cover (runbooks, golden signals, dependencies, SLOs,
 * ownership, alert hygiene), writes {@code coverage/sre-coverage.json} and {@code .md}, and fails the
 * build when a rule is not met, with one line per violation a reviewer can act on.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractSreMojo {




  /** Fail the build when a rule is not met; otherwise only warn. */
  @Parameter(property = "sre.haltOnFailure", defaultValue = "true")
  private boolean haltOnFailure;

  /**
   * The rules. Without any, the default policy applies: every alert has a runbook (a paging alert's
   * complete), every service shows the four golden signals and has a team, on-call and escalation,
   * and every critical service has an SLO.
   */
  @Parameter
  private List<Rule> rules;

  /** A previous {@code sre-coverage.json} (e.g. from main): no counter may drop below it. */
  @Parameter(property = "sre.baseline")
  private File baseline;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!shouldRun("check")) {
      return;
    }
    List<Service> services;
    try {
      services = new SrePipeline().validate(ProjectDefinitions.load(project));
    } catch (DefinitionException invalid) {
      throw Failures.definitions(getLog(), invalid);
    }
    Coverage coverage = new CoverageAnalyzer(LocalDate.now(ZoneOffset.UTC)).analyze(services);
    Baseline base = readBaseline();
    List<String> violations = CoverageCheck.violations(coverage, policy(), base);
    List<GeneratedFile> reports = CoverageReports.write(coverage, violations, base);
    GeneratedFiles files = new GeneratedFiles();
    reports.forEach(files::add);
    try {
      new OutputWriter().write(outputDirectory.toPath().resolve("coverage"), files);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    publishToGitHub(reports.get(1).contentAsString(), violations);
    getLog().info(String.format(Locale.ROOT, "SRE coverage of %d services written to %s", coverage.services().size(),
        outputDirectory.toPath().resolve("coverage")));
    if (violations.isEmpty()) {
      getLog().info("All coverage checks have been met");
      return;
    }
    violations.forEach(v -> getLog().warn(v));
    if (haltOnFailure) {
      throw new MojoFailureException("Coverage checks have not been met. See log for details.");
    }
  }

  private List<CoverageRule> policy() throws MojoFailureException {
    if (rules == null || rules.isEmpty()) {
      return CoverageRule.DEFAULT_POLICY;
    }
    List<CoverageRule> converted = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      List<CoverageRule.Limit> limits = new ArrayList<>();
      for (int l = 0; l < rule.getLimits().size(); l++) {
        Limit limit = rule.getLimits().get(l);
        String where = "sre:check rule " + (r + 1) + ", limit " + (l + 1);
        limits.add(new CoverageRule.Limit(
            constant(CoverageCounter.class, limit.getCounter(), where + ": counter"),
            constant(CoverageRule.Value.class, limit.getValue(), where + ": value"),
            number(limit.getMinimum(), where + ": minimum"), number(limit.getMaximum(), where + ": maximum")));
      }
      converted.add(new CoverageRule(constant(CoverageRule.Element.class, rule.getElement(), "sre:check rule "
          + (r + 1) + ": element"), rule.getIncludes(), rule.getExcludes(), limits));
    }
    return converted;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value, String where) throws MojoFailureException {
    try {
      return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(where + " '" + value + "' is not one of "
          + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static Double number(String value, String where) throws MojoFailureException {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      String v = value.strip();
      return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new MojoFailureException(where + " '" + value + "' is not a number; write e.g. 1.0 or 80%");
    }
  }

  private Baseline readBaseline() throws MojoFailureException {
    if (baseline == null) {
      return null;
    }
    try {
      return CoverageReports.baseline(new ObjectMapper().readTree(baseline));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoFailureException("sre.baseline " + baseline + " cannot be read as an sre-coverage.json: "
          + e.getMessage());
    }
  }

  /** On GitHub Actions: the table into the step summary, each violation as an error annotation. */
  private void publishToGitHub(String markdown, List<String> violations) throws MojoExecutionException {
    String summary = System.getenv("GITHUB_STEP_SUMMARY");
    if (summary != null && !summary.isBlank()) {
      try {
        Files.writeString(Path.of(summary), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new MojoExecutionException("cannot append to GITHUB_STEP_SUMMARY " + summary + ": " + e.getMessage(), e);
      }
    }
    if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
      // Workflow commands are read from standard output, one per line.
      violations.forEach(v -> System.out.println("::error title=SRE coverage::" + v.replace("%", "%25")
          .replace("\r", "%0D").replace("\n", "%0A")));
    }
  }
}
