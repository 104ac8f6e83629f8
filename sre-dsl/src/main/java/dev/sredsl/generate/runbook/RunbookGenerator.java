package dev.sredsl.generate.runbook;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator;
import dev.sredsl.generate.prometheus.PrometheusRulesGenerator.GeneratedAlert;
import dev.sredsl.model.Service;
import dev.sredsl.output.GeneratedFile;
import java.io.File;
import java.lang.ref.SoftReference;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code runbooks/<service>.md} from {@code runbook.md.ftl} and {@code runbooks/README.md}, an
 * index of services and alerts, from {@code index.md.ftl}. Each alert's section has the heading of
 * its name, so GitHub's anchor for it is the one every {@code runbook_url} points to.
 */
public final class RunbookGenerator {

  public List<GeneratedFile> generate(List<Service> services, GenerationSettings settings, File templatesDirectory) {
    Renderer renderer = renderer(settings, templatesDirectory);
    List<GeneratedFile> files = new ArrayList<>();
    for (Service service : services) {
      files.add(renderer.runbook(service, PrometheusRulesGenerator.alerts(service, settings)));
    }
    files.add(renderer.index(services));
    return files;
  }

  /**
   * Renders service by service, so that a build need not keep every runbook until the last one is done.
   *
   * @throws dev.sredsl.problem.DefinitionException when the templates folder cannot be read
   */
  public Renderer renderer(GenerationSettings settings, File templatesDirectory) {
    return new Renderer(new TemplateEngine(templatesDirectory), settings);
  }

  /** The templates of one build, parsed once, rendered for each service and for the index. */
  public static final class Renderer {

    private final TemplateEngine engine;
    private final GenerationSettings settings;

    private Renderer(TemplateEngine engine, GenerationSettings settings) {
      this.engine = engine;
      this.settings = settings;
    }

    /**
     * @param alerts the service's alerting rules, as {@link PrometheusRulesGenerator#alerts} gives them
     * @throws dev.sredsl.problem.DefinitionException naming the template, line and column when it fails
     */
    public GeneratedFile runbook(Service service, List<GeneratedAlert> alerts) {
      return GeneratedFile.text("runbooks/" + service.name() + ".md",
          engine.render("runbook.md.ftl", RunbookModel.of(service, settings, alerts), service.name()));
    }

    /** @throws dev.sredsl.problem.DefinitionException naming the template, line and column when it fails */
    public GeneratedFile index(List<Service> services) {
      Map<String, Object> indexModel = new LinkedHashMap<>();
      indexModel.put("services", new Models(services, settings));
      return GeneratedFile.text("runbooks/README.md", engine.render("index.md.ftl", indexModel, null));
    }
  }

  /**
   * The services' runbook models as the index template sees them: each made when the template first
   * reads it and kept while memory allows. For thousands of services the models take hundreds of
   * megabytes, which a build must not have to hold; a model the collector dropped is made again, the
   * same.
   */
  private static final class Models extends AbstractList<Object> {

    private final List<Service> services;
    private final GenerationSettings settings;
    private final List<SoftReference<Map<String, Object>>> made;

    Models(List<Service> services, GenerationSettings settings) {
      this.services = List.copyOf(services);
      this.settings = settings;
      this.made = new ArrayList<>(java.util.Collections.nCopies(services.size(), null));
    }

    @Override
    public Object get(int index) {
      SoftReference<Map<String, Object>> reference = made.get(index);
      Map<String, Object> model = reference == null ? null : reference.get();
      if (model == null) {
        model = RunbookModel.of(services.get(index), settings);
        made.set(index, new SoftReference<>(model));
      }
      return model;
    }

    @Override
    public int size() {
      return services.size();
    }
  }
}
