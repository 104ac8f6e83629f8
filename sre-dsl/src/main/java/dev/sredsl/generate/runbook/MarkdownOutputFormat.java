package dev.sredsl.generate.runbook;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for Markdown: every {@code ${...}} is escaped so that user text (a summary
 * with {@code |}, {@code #}, backticks, {@code <script>} or line breaks) reads as text and cannot open
 * a table cell, a heading, code, HTML or a new block. Templates mark trusted Markdown with
 * {@code ?no_esc}.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {

  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  /** ASCII punctuation with a meaning inline in CommonMark or GitHub's tables; backslash escapes it. */
  private static final String INLINE_SPECIAL = "\\`*_[]<>()|&~!#";

  private MarkdownOutputFormat() {}

  /** Markdown markup held by a template. */
  public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    Markup(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escape(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return escape(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markup(plainTextContent, markupContent);
  }

  /**
   * One line of literal text: line breaks become spaces, inline syntax is backslash-escaped, and a
   * character that would start a block at the beginning of a line (a list marker, a quote, a heading
   * underline, an ordered-list number) is escaped too.
   */
  static String escape(String text) {
    if (isPlain(text)) {
      return text;
    }
    String line = text.indexOf('\r') < 0 && text.indexOf('\n') < 0 ? text
        : text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    StringBuilder out = new StringBuilder(line.length() + 8);
    boolean onlyDigitsBefore = true; // whether line[0, i) is all digits
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 && c != '\t') {
        out.append(' ');
      } else if (INLINE_SPECIAL.indexOf(c) >= 0 || (i == 0 && "-+=>".indexOf(c) >= 0)) {
        out.append('\\').append(c);
      } else if ((c == '.' || c == ')') && i > 0 && onlyDigitsBefore
          && (i + 1 == line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
        out.append('\\').append(c); // "1. " at the start would begin an ordered list
      } else {
        out.append(c);
      }
      onlyDigitsBefore = onlyDigitsBefore && Character.isDigit(c);
    }
    return out.toString();
  }

  /**
   * Whether {@link #escape} would return the text as it is: no control character but tab, nothing of
   * {@link #INLINE_SPECIAL}, no block marker first, no {@code .} or {@code )} after leading digits.
   * Most user text is plain, and then nothing is copied.
   */
  private static boolean isPlain(String text) {
    if (!text.isEmpty() && "-+=>".indexOf(text.charAt(0)) >= 0) {
      return false;
    }
    boolean onlyDigitsBefore = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || INLINE_SPECIAL.indexOf(c) >= 0) {
        return false;
      }
      if ((c == '.' || c == ')') && i > 0 && onlyDigitsBefore
          && (i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
        return false;
      }
      onlyDigitsBefore = onlyDigitsBefore && Character.isDigit(c);
    }
    return true;
  }
}
