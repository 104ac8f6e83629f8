package dev.sredsl.migrate;

/**
 * Text from the model made safe inside a Java comment: nothing in it can end the comment, start a
 * new line, or become a unicode escape that the compiler translates before it sees the comment.
 */
final class JavaComments {

  private JavaComments() {}

  /**
   * The text as a comment may hold it: characters that {@link JavaLiterals#isVisible} refuses as
   * {@code U+XXXX}, {@code *}{@code /} split by a space, and a backslash added to an odd run of
   * backslashes before a {@code u}, so that no unicode escape begins there.
   *
   * @param text any text; {@code null} gives {@code null}
   * @return the text, one line
   */
  static String text(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    int backslashes = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint == 'u' && backslashes % 2 == 1) {
        out.append('\\');
      }
      backslashes = codePoint == '\\' ? backslashes + 1 : 0;
      if (codePoint == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '*') {
        out.append(' ');
      }
      if (JavaLiterals.isVisible(codePoint)) {
        out.appendCodePoint(codePoint);
      } else {
        out.append(String.format("U+%04X", codePoint));
      }
    }
    return out.toString();
  }
}
