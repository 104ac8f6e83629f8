package dev.sredsl.diff;

/** User text made safe for the plan's Markdown: it cannot open HTML, links, emphasis or code. */
final class MarkdownText {

  private static final String ESCAPED = "\\`*_[]<>|&~";

  private MarkdownText() {}

  /**
   * Text on one line, inside a line the plan starts: the characters that open HTML, entities, links,
   * emphasis, code, table cells and strikethrough are backslash-escaped; those that matter only at the
   * start of a line ({@code #}, {@code -}, {@code 1.}) cannot be there.
   */
  static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else {
        if (ESCAPED.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A code span that no backtick in {@code text} can close. */
  static String code(String text) {
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    String ticks = "`".repeat(longestRun(oneLine, '`') + 1);
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`");
    return ticks + (pad ? " " : "") + oneLine + (pad ? " " : "") + ticks;
  }

  /** A fenced code block that no line of {@code code} can close. */
  static String fence(String language, String code) {
    String fence = dev.sredsl.generate.MarkdownTables.codeFence(code);
    return fence + language + "\n" + code + "\n" + fence + "\n";
  }

  private static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
