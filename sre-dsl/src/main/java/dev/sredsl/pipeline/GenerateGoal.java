package dev.sredsl.pipeline;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.output.OutputWriter;
import dev.sredsl.problem.DefinitionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sre:generate} does, without Maven: skip when the output is up to date, otherwise load,
 * validate and write. The caller logs {@link GenerateOutcome#messages()}.
 */
public final class GenerateGoal {

  /**
   * @param force generate even when the output is up to date
   * @throws DefinitionException with every problem of the definitions; nothing is written
   * @throws java.io.UncheckedIOException when an input cannot be read or the output cannot be written
   */
  public GenerateOutcome run(DefinitionsSource source, GenerationSettings settings, Path outputDirectory, boolean force) {
    List<String> messages = new ArrayList<>();
    String inputs = source.fingerprint(settings);
    if (force) {
      messages.add("Generating: sre.force=true");
    } else if (inputs != null) {
      OutputWriter.UpToDate status = OutputWriter.upToDate(outputDirectory, inputs);
      if (status.upToDate()) {
        messages.add(String.format(Locale.ROOT, "Output is up to date (%d files in %s); nothing to generate",
            status.files(), outputDirectory));
        return new GenerateOutcome(false, messages);
      }
      messages.add("Generating: " + status.reason());
    }
    // Made only now: an up-to-date run never loads the validators, the generators or their Jackson mappers.
    SrePipeline.Written written = new SrePipeline().write(source.load(), settings, outputDirectory, inputs);
    messages.add(String.format(Locale.ROOT,
        "Generated %d files for %d services in %s (%d written, %d unchanged, %d stale removed)",
        written.files(), written.services(), outputDirectory,
        written.result().written(), written.result().unchanged(), written.result().deleted()));
    return new GenerateOutcome(true, messages);
  }
}
