package dev.sredsl.generate;

/** Text in the cells, list items and code blocks of the Markdown reports (coverage, verify, diff, runbooks). */
public final class MarkdownTables {

  private MarkdownTables() {}

  /**
   * User text as one cell or list item: '|' and the backslash escaped, line breaks as spaces, so that
   * a name or message can neither end a cell nor split a row; {@code null} as nothing.
   */
  public static String cell(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
  }

  /** A code fence longer than any run of backticks in the code, so the code cannot close it. */
  public static String codeFence(String code) {
    int longest = 0;
    int run = 0;
    for (char c : code.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
