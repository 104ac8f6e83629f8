package dev.sredsl.pipeline;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.check.DefinitionValidator;
import dev.sredsl.problem.Problem;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.alertmanager.AlertmanagerGenerator;
import dev.sredsl.generate.catalog.CatalogGenerator;
import dev.sredsl.generate.grafana.DashboardGenerator;
import dev.sredsl.generate.grafana.DashboardLint;
import dev.sredsl.generate.grafana.Provisioning;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.generate.runbook.RunbookGenerator;
import dev.sredsl.generate.prometheus.RuleTestsGenerator;
import dev.sredsl.model.Service;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Declarations in, generated files out: validation, then every generator. {@code generate} is pure: it
 * reads no files and writes none; {@code write} hands the files to {@link OutputWriter} as they are
 * made.
 */
public final class SrePipeline {

  private final DefinitionValidator validator = new DefinitionValidator();
  private final PrometheusRulesGenerator prometheus = new PrometheusRulesGenerator();
  private final RuleTestsGenerator ruleTests = new RuleTestsGenerator();
  private final DashboardGenerator dashboards = new DashboardGenerator();
  private final Provisioning provisioning = new Provisioning();
  private final RunbookGenerator runbooks = new RunbookGenerator();
  private final AlertmanagerGenerator alertmanager = new AlertmanagerGenerator();
  private final CatalogGenerator catalog = new CatalogGenerator();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The declared services, when they are valid.
   *
   * @throws DefinitionException with every problem, grouped by service
   */
  public List<Service> validate(Declarations declarations) {
    List<Problem> problems = new ArrayList<>(declarations.problems());
    problems.addAll(validator.validate(declarations.services()));
    if (problems.isEmpty() && declarations.services().isEmpty()) {
      problems.add(Problem.of(null, null, "the definitions declare no service; call"
          + " sre.service(\"my-service\", s -> ...) in define(SreRegistry)"));
    }
    if (!problems.isEmpty()) {
      // Grouped by service, each service's problems in the order found; problems outside services first.
      problems.sort(Comparator.comparing(Problem::service, Comparator.nullsFirst(Comparator.naturalOrder())));
      throw new DefinitionException(problems);
    }
    return declarations.services();
  }

  /**
   * @throws DefinitionException with every problem, when the declarations cannot be generated
   */
  public GeneratedFiles generate(Declarations declarations, GenerationSettings settings) {
    GeneratedFiles files = new GeneratedFiles();
    generate(declarations, settings, files::add);
    return files;
  }

  /**
   * Generates service by service and hands each file to {@code sink} as soon as it is made, so that the
   * files of thousands of services need not be held at once. The sink receives the same files as
   * {@link #generate(Declarations, GenerationSettings)} returns; when this throws, what it received
   * must be discarded.
   *
   * @throws DefinitionException with every problem, when the declarations cannot be generated
   */
  public void generate(Declarations declarations, GenerationSettings settings, Consumer<GeneratedFile> sink) {
    List<Service> services = validate(declarations);
    List<Problem> lint = new ArrayList<>();
    RunbookGenerator.Renderer runbookRenderer = null;
    DefinitionException runbookFailure = null;
    for (Service service : services) {
      // The rules are derived once for the rule file, the PrometheusRule, their tests and the runbook.
      PrometheusRulesGenerator.ServiceRules rules = PrometheusRulesGenerator.rules(service, settings);
      prometheus.generate(service, settings, rules).forEach(sink);
      sink.accept(ruleTests.generate(service, settings, rules));
      // Custom panels bring PromQL of their own: every dashboard is linted before the output is replaced.
      Map<String, Object> dashboard = dashboards.dashboard(service, settings);
      for (String violation : DashboardLint.check(JSON.valueToTree(dashboard))) {
        lint.add(Problem.of(service.name(), "dashboard", violation));
      }
      dashboards.generate(service, settings, dashboard).forEach(sink);
      // Lint problems are reported before template problems, and a template's first failure only.
      if (lint.isEmpty() && runbookFailure == null) {
        try {
          if (runbookRenderer == null) {
            runbookRenderer = runbooks.renderer(settings, settings.templatesDirectory());
          }
          sink.accept(runbookRenderer.runbook(service, rules.alerts()));
        } catch (DefinitionException failure) {
          runbookFailure = failure;
        }
      }
      sink.accept(catalog.generate(service, settings));
    }
    if (!lint.isEmpty()) {
      throw new DefinitionException(lint);
    }
    if (runbookFailure != null) {
      throw runbookFailure;
    }
    if (runbookRenderer == null) {
      runbookRenderer = runbooks.renderer(settings, settings.templatesDirectory());
    }
    sink.accept(provisioning.generate(settings));
    sink.accept(runbookRenderer.index(services));
    sink.accept(alertmanager.generate(services, settings.alertmanager()));
  }

  /** What {@link #write} did. */
  public record Written(int files, int services, OutputWriter.Result result) {}

  /**
   * Generates and writes into {@code outputDirectory} file by file: the output is replaced only once
   * every file is made (see {@link OutputWriter}); when generation fails, nothing is written.
   *
   * @param inputs the fingerprint of the inputs ({@link InputsFingerprint}) to record beside the output
   *     for the next run's up-to-date check, or {@code null} to record none
   * @throws DefinitionException with every problem, when the declarations cannot be generated
   */
  public Written write(Declarations declarations, GenerationSettings settings, Path outputDirectory, String inputs) {
    try (OutputWriter.Session session = new OutputWriter().open(outputDirectory)) {
      generate(declarations, settings, session);
      OutputWriter.Result result = session.commit(inputs);
      return new Written(session.size(), declarations.services().size(), result);
    }
  }
}
