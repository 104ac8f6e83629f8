package dev.sredsl.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps every line, so that tests can assert on what a user would read. */
final class CapturingLog implements Log {

  enum Level { DEBUG, INFO, WARNING, ERROR }

  record Line(Level level, String text) {
    @Override
    public String toString() {
      return "[" + level + "] " + text;
    }
  }

  private final List<Line> lines = new ArrayList<>();

  /** The messages logged at one level, in order. */
  List<String> at(Level level) {
    return lines.stream().filter(l -> l.level() == level).map(Line::text).toList();
  }

  /** Everything logged, one {@code [LEVEL] message} a line, for assertion messages. */
  String all() {
    return String.join("\n", lines.stream().map(Line::toString).toList());
  }

  private void add(Level level, CharSequence content, Throwable error) {
    String text = content == null ? "" : content.toString();
    if (error != null) {
      text = text.isEmpty() ? error.toString() : text + " " + error;
    }
    lines.add(new Line(level, text));
  }

  @Override public boolean isDebugEnabled() { return true; }
  @Override public void debug(CharSequence content) { add(Level.DEBUG, content, null); }
  @Override public void debug(CharSequence content, Throwable error) { add(Level.DEBUG, content, error); }
  @Override public void debug(Throwable error) { add(Level.DEBUG, null, error); }
  @Override public boolean isInfoEnabled() { return true; }
  @Override public void info(CharSequence content) { add(Level.INFO, content, null); }
  @Override public void info(CharSequence content, Throwable error) { add(Level.INFO, content, error); }
  @Override public void info(Throwable error) { add(Level.INFO, null, error); }
  @Override public boolean isWarnEnabled() { return true; }
  @Override public void warn(CharSequence content) { add(Level.WARNING, content, null); }
  @Override public void warn(CharSequence content, Throwable error) { add(Level.WARNING, content, error); }
  @Override public void warn(Throwable error) { add(Level.WARNING, null, error); }
  @Override public boolean isErrorEnabled() { return true; }
  @Override public void error(CharSequence content) { add(Level.ERROR, content, null); }
  @Override public void error(CharSequence content, Throwable error) { add(Level.ERROR, content, error); }
  @Override public void error(Throwable error) { add(Level.ERROR, null, error); }
}
