package dev.sredsl.specs;

import java.util.List;

/**
 * What one spec file declares, as model SLOs, and what of it the build does not keep, one line each
 * (e.g. a label the build sets itself), to log as warnings.
 *
 * @param file the file, as messages name it
 * @param slos the SLOs, in the file's order
 * @param warnings {@code file:line:column: ...} lines, in the file's order
 */
public record ImportedSlos(String file, List<ImportedSlo> slos, List<String> warnings) {

  public ImportedSlos {
    slos = List.copyOf(slos);
    warnings = List.copyOf(warnings);
  }
}
