package dev.sredsl.maven;

import dev.sredsl.coverage.CoverageTables;
import dev.sredsl.pipeline.ReportGoal;
import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import dev.sredsl.problem.SettingException;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The coverage of the SRE definitions as a page of the project site ({@code mvn site}): the tables of
 * {@code sre-coverage.md} (counters per service, what is missing or waived) and the violations of the
 * same rules and baseline {@code sre:check} judges by. Configure the rules at the plugin level so that
 * both goals read them.
 */
@Mojo(
    name = "report",
    defaultPhase = LifecyclePhase.SITE,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

  /** The rules of {@code sre:check}; without any, the default policy. */
  @Parameter
  private List<CheckRule> rules;

  /** A previous {@code sre-coverage.json}: no counter may drop below it. */
  @Parameter(property = "sre.baseline")
  private File baseline;

  /** The runbook templates that validation renders, as for {@code sre:generate}. */
  @Parameter(property = "sre.templatesDirectory")
  private File templatesDirectory;

  /** The folder of YAML SLO specs read beside the Java definitions, as for the other goals. */
  @Parameter(property = "sre.specsDirectory", defaultValue = "${project.basedir}/src/main/sre")
  private File specsDirectory;

  @Override
  public String getOutputName() {
    return "sre-coverage";
  }

  @Override
  public String getName(Locale locale) {
    return "SRE coverage";
  }

  @Override
  public String getDescription(Locale locale) {
    return "Runbook, golden-signal, dependency, SLO, ownership and alert-hygiene coverage of the service"
        + " definitions.";
  }

  @Override
  public boolean canGenerateReport() {
    return !"pom".equals(getProject().getPackaging());
  }

  @Override
  protected void executeReport(Locale locale) throws MavenReportException {
    CoverageTables tables;
    try {
      tables = new ReportGoal().run(AbstractSreMojo.definitions(getProject(), List.of(), specsDirectory),
          AbstractSreMojo.validationSettings(templatesDirectory), CheckRule.texts(rules),
          baseline == null ? null : baseline.toPath());
    } catch (DefinitionException invalid) {
      List<String> lines = invalid.problems().stream().map(Problem::toString).toList();
      throw new MavenReportException("The SRE definitions have problems: " + String.join("; ", lines));
    } catch (SettingException | UncheckedIOException | MojoExecutionException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
    render(getSink(), tables);
  }

  /** The tables as they are, in Doxia's words: the page draws nothing the library did not. */
  private static void render(Sink sink, CoverageTables tables) {
    sink.head();
    sink.title();
    sink.text("SRE coverage");
    sink.title_();
    sink.head_();
    sink.body();
    sink.section1();
    sink.sectionTitle1();
    sink.text("SRE coverage");
    sink.sectionTitle1_();
    sink.paragraph();
    sink.text("Covered items out of all, per service and counter; waived items count as covered.");
    sink.paragraph_();
    table(sink, tables.summary());
    sink.sectionTitle2();
    sink.text(tables.violations().isEmpty() ? "All coverage checks are met" : "Violations");
    sink.sectionTitle2_();
    if (!tables.violations().isEmpty()) {
      sink.list();
      for (String violation : tables.violations()) {
        sink.listItem();
        sink.text(violation);
        sink.listItem_();
      }
      sink.list_();
    }
    for (CoverageTables.ServiceGaps gaps : tables.gaps()) {
      sink.sectionTitle2();
      sink.text(gaps.service());
      sink.sectionTitle2_();
      table(sink, gaps.items());
    }
    sink.section1_();
    sink.body_();
    sink.flush();
    sink.close();
  }

  private static void table(Sink sink, CoverageTables.Table table) {
    sink.table();
    sink.tableRows();
    sink.tableRow();
    for (String header : table.header()) {
      sink.tableHeaderCell();
      sink.text(header);
      sink.tableHeaderCell_();
    }
    sink.tableRow_();
    for (List<String> row : table.rows()) {
      sink.tableRow();
      for (String cell : row) {
        sink.tableCell();
        sink.text(cell);
        sink.tableCell_();
      }
      sink.tableRow_();
    }
    sink.tableRows_();
    sink.table_();
  }
}
