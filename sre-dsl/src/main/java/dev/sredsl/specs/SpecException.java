package dev.sredsl.specs;

/**
 * A problem of a YAML spec, as one line: {@code file:line:column: message}, the way compilers point
 * at a place. Tools print it without a stack trace.
 */
public final class SpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SpecException(String file, int line, int column, String message) {
    super(file + ":" + line + ":" + column + ": " + message, null, false, false);
  }

  /** A problem of the whole file, before any line of it is read (its size, its encoding). */
  public SpecException(String file, String message) {
    super(file + ": " + message, null, false, false);
  }
}
