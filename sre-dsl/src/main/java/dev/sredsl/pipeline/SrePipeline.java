package dev.sredsl.pipeline;

import dev.sredsl.check.DefinitionException;
import dev.sredsl.check.DefinitionValidator;
import dev.sredsl.check.Problem;
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
import dev.sredsl.output.GeneratedFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Declarations in, generated files out: validation, then every generator. Pure: it reads no files
 * and writes none; {@link dev.sredsl.output.OutputWriter} does that.
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
    validate(declarations);
    GeneratedFiles files = new GeneratedFiles();
    List<Problem> lint = new ArrayList<>();
    for (Service service : declarations.services()) {
      prometheus.generate(service, settings).forEach(files::add);
      files.add(ruleTests.generate(service, settings));
      // Custom panels bring PromQL of their own: the dashboard is linted before anything is written.
      for (String violation : DashboardLint.check(JSON.valueToTree(dashboards.dashboard(service, settings)))) {
        lint.add(Problem.of(service.name(), "dashboard", violation));
      }
      dashboards.generate(service, settings).forEach(files::add);
    }
    if (!lint.isEmpty()) {
      throw new DefinitionException(lint);
    }
    files.add(provisioning.generate(settings));
    runbooks.generate(declarations.services(), settings, settings.templatesDirectory()).forEach(files::add);
    files.add(alertmanager.generate(declarations.services(), settings.alertmanager()));
    declarations.services().forEach(service -> files.add(catalog.generate(service, settings)));
    return files;
  }
}
