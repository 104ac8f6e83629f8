package dev.sredsl.maven;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import dev.sredsl.coverage.Coverage;
import dev.sredsl.coverage.CoverageAnalyzer;
import dev.sredsl.coverage.CoverageCheck;
import dev.sredsl.coverage.CoverageItem;
import dev.sredsl.coverage.CoverageRule;
import dev.sredsl.coverage.CounterValue;
import dev.sredsl.coverage.Counters;
import dev.sredsl.model.CoverageCounter;
import dev.sredsl.model.Service;
import dev.sredsl.pipeline.SrePipeline;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The coverage of the SRE definitions as a page of the project site ({@code mvn site}): a table of
 * counters per service, the violations of the default policy, and what is missing or waived.
 */
@Mojo(
    name = "report",
    defaultPhase = LifecyclePhase.SITE,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

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
    List<Service> services;
    try {
      services = new SrePipeline().validate(ProjectDefinitions.load(getProject()));
    } catch (DefinitionException invalid) {
      List<String> lines = invalid.problems().stream().map(Problem::toString).toList();
      throw new MavenReportException("The SRE definitions have problems: " + String.join("; ", lines));
    } catch (MojoExecutionException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
    Coverage coverage = new CoverageAnalyzer(LocalDate.now(ZoneOffset.UTC)).analyze(services);
    List<String> violations = CoverageCheck.violations(coverage, CoverageRule.DEFAULT_POLICY, null);
    Sink sink = getSink();
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
    summary(sink, coverage);
    sink.sectionTitle2();
    sink.text(violations.isEmpty() ? "The default policy is met" : "Violations of the default policy");
    sink.sectionTitle2_();
    if (!violations.isEmpty()) {
      sink.list();
      for (String violation : violations) {
        sink.listItem();
        sink.text(violation);
        sink.listItem_();
      }
      sink.list_();
    }
    details(sink, coverage);
    sink.section1_();
    sink.body_();
    sink.flush();
    sink.close();
  }

  private static void summary(Sink sink, Coverage coverage) {
    sink.table();
    sink.tableRows();
    sink.tableRow();
    header(sink, "Service");
    for (CoverageCounter counter : CoverageCounter.values()) {
      header(sink, Counters.words(counter));
    }
    sink.tableRow_();
    List<String> scopes = new ArrayList<>(coverage.services());
    scopes.add(null);
    for (String scope : scopes) {
      sink.tableRow();
      cell(sink, scope == null ? "all services" : scope);
      for (CoverageCounter counter : CoverageCounter.values()) {
        CounterValue value = coverage.value(scope, counter);
        cell(sink, value.total() == 0 ? "n/a" : value.covered() + "/" + value.total() + " ("
            + Math.round(value.coveredRatio() * 100) + "%)");
      }
      sink.tableRow_();
    }
    sink.tableRows_();
    sink.table_();
  }

  private static void details(Sink sink, Coverage coverage) {
    List<CoverageItem> notCovered = coverage.items().stream().filter(i -> !i.missing().isEmpty()).toList();
    if (notCovered.isEmpty()) {
      return;
    }
    sink.sectionTitle2();
    sink.text("Missing and waived items");
    sink.sectionTitle2_();
    sink.table();
    sink.tableRows();
    sink.tableRow();
    for (String title : List.of("Service", "Counter", "Item", "Missing", "Waived because")) {
      header(sink, title);
    }
    sink.tableRow_();
    for (CoverageItem item : notCovered) {
      sink.tableRow();
      cell(sink, item.service());
      cell(sink, Counters.words(item.counter()));
      cell(sink, item.name());
      cell(sink, item.missing());
      cell(sink, item.waiver() == null ? "" : item.waiver());
      sink.tableRow_();
    }
    sink.tableRows_();
    sink.table_();
  }

  private static void header(Sink sink, String text) {
    sink.tableHeaderCell();
    sink.text(text);
    sink.tableHeaderCell_();
  }

  private static void cell(Sink sink, String text) {
    sink.tableCell();
    sink.text(text);
    sink.tableCell_();
  }
}
