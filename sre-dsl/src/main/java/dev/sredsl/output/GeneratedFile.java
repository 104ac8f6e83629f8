package dev.sredsl.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One generated file, in memory: a relative path with forward slashes, and its bytes.
 */
public final class GeneratedFile {

  private final String path;
  private final byte[] content;

  /** @param content owned by this file from now on: callers pass an array nobody else holds */
  private GeneratedFile(String path, byte[] content) {
    this.path = Objects.requireNonNull(path, "path");
    this.content = content;
  }

  /** A UTF-8 text file; line endings are normalised to LF so output is the same on every OS. */
  public static GeneratedFile text(String path, String text) {
    String lf = text.replace("\r\n", "\n");
    return new GeneratedFile(path, lf.getBytes(StandardCharsets.UTF_8));
  }

  public static GeneratedFile bytes(String path, byte[] content) {
    return new GeneratedFile(path, content.clone());
  }

  public String path() {
    return path;
  }

  public byte[] content() {
    return content.clone();
  }

  /** The content itself, not a copy, for the writer in this package; never modified. */
  byte[] contentUnsafe() {
    return content;
  }

  public int size() {
    return content.length;
  }

  public String contentAsString() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeneratedFile f && f.path.equals(path) && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return path + " (" + content.length + " bytes)";
  }
}
