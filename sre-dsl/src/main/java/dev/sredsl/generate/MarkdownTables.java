package dev.sredsl.generate;

/** Text in the cells and list items of the Markdown reports (coverage, verify). */
public final class MarkdownTables {

  private MarkdownTables() {}

  /**
   * User text as one cell or list item: '|' and the backslash escaped, line breaks as spaces, so that
   * a name or message can neither end a cell nor split a row; {@code null} as nothing.
   */
  public static String cell(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
  }
}
