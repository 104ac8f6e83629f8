package dev.sredsl.generate.runbook;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Service;
import dev.sredsl.output.GeneratedFile;
import java.io.File;
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
    TemplateEngine engine = new TemplateEngine(templatesDirectory);
    List<GeneratedFile> files = new ArrayList<>();
    List<Object> index = new ArrayList<>();
    for (Service service : services) {
      Map<String, Object> model = RunbookModel.of(service, settings);
      files.add(GeneratedFile.text("runbooks/" + service.name() + ".md",
          engine.render("runbook.md.ftl", model, service.name())));
      index.add(model);
    }
    Map<String, Object> indexModel = new LinkedHashMap<>();
    indexModel.put("services", index);
    files.add(GeneratedFile.text("runbooks/README.md", engine.render("index.md.ftl", indexModel, null)));
    return files;
  }
}
