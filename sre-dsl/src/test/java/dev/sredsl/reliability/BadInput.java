package dev.sredsl.reliability;

import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.ServiceBuilder;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.generate.GenerationSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One invalid definition of the corpus: how to produce its declarations (declared in code, or
 * compiled from sources and discovered as the plugin does) and its settings. The lines its user must
 * read are in {@code bad-input-messages.txt} under the case's name.
 */
record BadInput(String name, Source source, Settings settings, Stage stage) {

  /** Which step refuses the case. */
  enum Stage {
    /** {@code sre:generate}: validation, discovery, templates. */
    GENERATE,
    /** {@code sre:check}: the coverage gate with its default policy, on definitions that are valid. */
    GATE
  }

  /** Produces the declarations to generate from; {@code work} is a folder of the case's own. */
  @FunctionalInterface
  interface Source {
    Declarations declarations(Path work) throws IOException;
  }

  /** Produces the settings to generate with. */
  @FunctionalInterface
  interface Settings {
    GenerationSettings settings(Path work) throws IOException;
  }

  static BadInput declared(String name, Consumer<SreRegistry> definitions) {
    return new BadInput(name, work -> {
      SreRegistry sre = new SreRegistry();
      definitions.accept(sre);
      return sre.declarations();
    }, work -> Corpus.SETTINGS, Stage.GENERATE);
  }

  /** A case whose only fault is in one service called {@code orders}, otherwise complete. */
  static BadInput service(String name, Consumer<ServiceBuilder> fault) {
    return declared(name, sre -> sre.service("orders", s -> fault.accept(Corpus.complete(s))));
  }

  BadInput withSettings(Settings other) {
    return new BadInput(name, source, other, stage);
  }

  /** The same definitions, refused by the coverage gate instead of by generation. */
  BadInput atTheGate() {
    return new BadInput(name, source, settings, Stage.GATE);
  }

  @Override
  public String toString() {
    return name;
  }
}
