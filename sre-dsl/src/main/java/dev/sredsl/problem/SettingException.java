package dev.sredsl.problem;

/**
 * A setting of the build is wrong (a plugin parameter such as a coverage rule or the baseline file),
 * as opposed to the definitions. Its message is one line that names the setting and the fix; tools
 * print it without a stack trace.
 */
public final class SettingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SettingException(String message) {
    super(message, null, false, false);
  }
}
