package dev.sredsl.pipeline;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.check.DefinitionValidator;
import dev.sredsl.problem.Problem;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.Json;
import dev.sredsl.generate.alertmanager.AlertmanagerGenerator;
import dev.sredsl.generate.alertmanager.RoutingExpectations;
import dev.sredsl.generate.catalog.CatalogGenerator;
import dev.sredsl.generate.grafana.DashboardGenerator;
import dev.sredsl.generate.grafana.DashboardLint;
import dev.sredsl.generate.grafana.Provisioning;
import dev.sredsl.generate.openslo.OpenSloGenerator;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.generate.runbook.RunbookGenerator;
import dev.sredsl.generate.prometheus.RuleTestsGenerator;
import dev.sredsl.model.Service;
import dev.sredsl.output.GeneratedFile;
import dev.sredsl.output.GeneratedFiles;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.snapshot.SnapshotGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Declarations in, generated files out. Every goal first runs the one validation stage,
 * {@link #validate(Declarations, GenerationSettings)}: the model's rules, the PromQL of every
 * hand-written expression, the dashboards' lint and the runbook templates (parsed, and rendered with
 * each service's data model). {@code generate} and {@code write} run the same stage and generate in
 * the same pass, reusing what validation built; the generators are pure functions of the model but for
 * the templates they read, and {@code write} hands the files to {@link OutputWriter}, which moves
 * nothing into place unless the stage passed.
 */
public final class SrePipeline {

  private final DefinitionValidator validator = new DefinitionValidator();
  private final PrometheusRulesGenerator prometheus = new PrometheusRulesGenerator();
  private final RuleTestsGenerator ruleTests = new RuleTestsGenerator();
  private final DashboardGenerator dashboards = new DashboardGenerator();
  private final Provisioning provisioning = new Provisioning();
  private final RunbookGenerator runbooks = new RunbookGenerator();
  private final AlertmanagerGenerator alertmanager = new AlertmanagerGenerator();
  private final RoutingExpectations routingExpectations = new RoutingExpectations();
  private final CatalogGenerator catalog = new CatalogGenerator();
  private final SnapshotGenerator snapshots = new SnapshotGenerator();
  private final OpenSloGenerator openSlo = new OpenSloGenerator();

  /**
   * The validation stage every goal runs before anything else, so that {@code sre:generate},
   * {@code sre:check} and {@code sre:report} give the same verdict, in the same lines, for the same
   * definitions. Problems come grouped by service, each service's in the order found, problems outside
   * services first; the stage stops after the model's rules when they fail (the rest needs a valid
   * model), and reports a template's first failure only.
   *
   * @param settings the build's settings; the templates folder among them is read
   * @return the declared services, all valid
   * @throws DefinitionException with every problem found
   */
  public ValidDefinitions validate(Declarations declarations, GenerationSettings settings) {
    return stage(declarations, settings, null);
  }

  /**
   * The validation stage, and, when {@code sink} is given, generation in the same pass: what validation
   * builds anyway (each service's rules, its dashboard, its runbook) is handed on instead of being built
   * twice. The verdict is the same with or without a sink; with one, the files it received must be
   * discarded when this throws (the writer's session does).
   */
  private ValidDefinitions stage(Declarations declarations, GenerationSettings settings,
      Consumer<GeneratedFile> sink) {
    List<Service> services = modelRules(declarations);
    List<Problem> lint = new ArrayList<>();
    RunbookGenerator.Renderer renderer = null;
    DefinitionException templateFailure = null;
    for (Service service : services) {
      // The rules are derived once for the rule file, the PrometheusRule, their tests and the runbook;
      // validation alone needs only the alerts the runbook lists.
      PrometheusRulesGenerator.ServiceRules rules = sink == null ? null : PrometheusRulesGenerator.rules(service,
          settings);
      // Custom panels and deployment markers bring PromQL of their own: lint the whole dashboard.
      Map<String, Object> dashboard = dashboards.dashboard(service, settings);
      for (String violation : DashboardLint.check(Json.node(dashboard))) {
        lint.add(Problem.of(service.name(), "dashboard", violation));
      }
      // Lint problems are reported before template problems, and a template's first failure only.
      GeneratedFile runbook = null;
      if (lint.isEmpty() && templateFailure == null) {
        try {
          if (renderer == null) {
            renderer = runbooks.renderer(settings, settings.templatesDirectory());
          }
          runbook = renderer.runbook(service, rules != null ? rules.alerts()
              : PrometheusRulesGenerator.alerts(service, settings));
        } catch (DefinitionException failure) {
          templateFailure = failure;
        }
      }
      if (sink != null && lint.isEmpty() && templateFailure == null) {
        prometheus.generate(service, settings, rules).forEach(sink);
        sink.accept(ruleTests.generate(service, settings, rules));
        dashboards.generate(service, settings, dashboard).forEach(sink);
        sink.accept(runbook);
        sink.accept(catalog.generate(service, settings));
        sink.accept(snapshots.generate(service, settings));
        if (!service.slos().isEmpty()) {
          sink.accept(openSlo.generate(service));
        }
      }
    }
    if (!lint.isEmpty()) {
      throw new DefinitionException(lint);
    }
    if (templateFailure != null) {
      throw templateFailure;
    }
    GeneratedFile index = (renderer != null ? renderer : runbooks.renderer(settings, settings.templatesDirectory()))
        .index(services);
    if (sink != null) {
      sink.accept(provisioning.generate(settings));
      sink.accept(index);
      sink.accept(alertmanager.generate(services, settings.alertmanager()));
      sink.accept(routingExpectations.generate(services, settings.alertmanager()));
    }
    return new ValidDefinitions(services);
  }

  /** The model's own rules: what the DSL reported while declaring, then the validator's. */
  private List<Service> modelRules(Declarations declarations) {
    List<Problem> problems = new ArrayList<>(declarations.problems());
    problems.addAll(validator.validate(declarations.services(), declarations.importedOnly()));
    if (problems.isEmpty() && declarations.services().isEmpty()) {
      problems.add(Problem.of(null, null, "the definitions declare no service; call"
          + " sre.service(\"my-service\", s -> ...) in define(SreRegistry)"));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(Problem::service, Comparator.nullsFirst(Comparator.naturalOrder())));
      throw new DefinitionException(problems);
    }
    return declarations.services();
  }

  /**
   * Validates, then generates every file in memory.
   *
   * @throws DefinitionException with every problem, when the declarations cannot be generated
   */
  public GeneratedFiles generate(Declarations declarations, GenerationSettings settings) {
    GeneratedFiles files = new GeneratedFiles();
    stage(declarations, settings, files::add);
    return files;
  }

  /** What {@link #write} did. */
  public record Written(int files, int services, OutputWriter.Result result) {}

  /**
   * Validates, then generates and writes into {@code outputDirectory} file by file: the output is
   * replaced only once every file is made (see {@link OutputWriter}); when validation or generation
   * fails, nothing is written.
   *
   * @param inputs the fingerprint of the inputs ({@link InputsFingerprint}) to record beside the output
   *     for the next run's up-to-date check, or {@code null} to record none
   * @throws DefinitionException with every problem, when the declarations cannot be generated
   */
  public Written write(Declarations declarations, GenerationSettings settings, Path outputDirectory, String inputs) {
    try (OutputWriter.Session session = new OutputWriter().open(outputDirectory)) {
      // Validation and generation in one pass: nothing moves into place unless validation passed.
      ValidDefinitions valid = stage(declarations, settings, session);
      OutputWriter.Result result = session.commit(inputs);
      return new Written(session.size(), valid.services().size(), result);
    }
  }
}
