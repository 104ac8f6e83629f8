package dev.sredsl.generate.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The escaping of Markdown text gives exactly what it gave before it was made linear and before plain
 * text skipped copying: the straightforward version below is the reference.
 */
class MarkdownEscapeTest {

  /** The escaping as first written: a prefix of digits checked by looking back from every dot. */
  private static String reference(String text) {
    String specials = "\\`*_[]<>()|&~!#";
    String line = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 && c != '\t') {
        out.append(' ');
      } else if (specials.indexOf(c) >= 0 || (i == 0 && "-+=>".indexOf(c) >= 0)) {
        out.append('\\').append(c);
      } else if ((c == '.' || c == ')') && i > 0 && line.substring(0, i).chars().allMatch(Character::isDigit)
          && (i + 1 == line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void givesWhatTheReferenceGivesOnHandPickedText() {
    for (String text : List.of("", "plain words", "1. first", "12) second", "1.5 seconds", "1.", "a. b", "٣. arabic digit",
        "- item", "+1", "=x", "> quote", "a|b", "`code`", "<script>", "line\r\nbreak", "tab\tkept", "\u0001bell",
        "Ends with a dot.", "x\ny", "1\r\n. odd", "007.", "9)\t", "(a)", "!#&~_*[]")) {
      assertEquals(reference(text), MarkdownOutputFormat.escape(text), text);
    }
  }

  @Test
  void givesWhatTheReferenceGivesOnRandomText() {
    Random random = new Random(10);
    String alphabet = "ab 01239.)\t\r\n-+=>|`*_[]<>()&~!#\u0001\u0663é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(reference(text.toString()), MarkdownOutputFormat.escape(text.toString()), text.toString());
    }
  }

  @Test
  void plainTextIsNotCopied() {
    String text = "Customers see HTTP 500 at payment confirmation, 3 times a day";
    assertSame(text, MarkdownOutputFormat.escape(text));
  }
}
