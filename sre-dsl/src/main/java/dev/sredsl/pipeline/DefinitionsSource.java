package dev.sredsl.pipeline;

import dev.sredsl.dsl.Declarations;

/**
 * Where a goal gets the definitions from: a build's compiled classes ({@link ProjectClasses}), or, in
 * a test or a {@code main}, declarations made in code.
 */
public interface DefinitionsSource {

  /** Runs the definitions; what they got wrong is in {@link Declarations#problems()}. */
  Declarations load();

  /**
   * The fingerprint of everything {@link #load()} reads, combined with {@code settings}, for the
   * up-to-date check of {@code generate}; a source that cannot tell returns {@code null}, and
   * generation then always runs.
   */
  String fingerprint(Object settings);

  /** Declarations made in code: loaded as they are, never up to date. */
  static DefinitionsSource of(Declarations declarations) {
    return new DefinitionsSource() {
      @Override
      public Declarations load() {
        return declarations;
      }

      @Override
      public String fingerprint(Object settings) {
        return null;
      }
    };
  }
}
