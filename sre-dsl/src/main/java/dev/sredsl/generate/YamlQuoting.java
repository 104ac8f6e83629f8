package dev.sredsl.generate;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Quotes a YAML value only where YAML requires it. Jackson's default also quotes any value holding a
 * flow indicator ({@code { } [ ] ,}), which turns every PromQL selector into a double-quoted string
 * full of escaped quotes; in block context those characters are plain text. Words and numbers YAML
 * would read as something else stay quoted, and the YAML emitter still falls back to quoting whatever
 * it cannot write plain.
 */
final class YamlQuoting extends StringQuotingChecker.Default {

  private static final long serialVersionUID = 1L;
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  /**
   * A clock time such as {@code 09:00}: YAML 1.1 readers (PyYAML, for one, when a platform team merges
   * the Alertmanager routes with a script) take it for a base-60 number, {@code 17:30} for 1050.
   */
  private static final java.util.regex.Pattern SEXAGESIMAL =
      java.util.regex.Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || SEXAGESIMAL.matcher(value).matches();
  }

  @Override
  protected boolean valueHasQuotableChar(String value) {
    if (value.isEmpty()) {
      return true;
    }
    char first = value.charAt(0);
    char last = value.charAt(value.length() - 1);
    if (INDICATORS.indexOf(first) >= 0 || isBlank(first) || isBlank(last) || last == ':') {
      return true;
    }
    if (value.contains(": ") || value.contains(" #")) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
        return true;
      }
    }
    return false;
  }
}
