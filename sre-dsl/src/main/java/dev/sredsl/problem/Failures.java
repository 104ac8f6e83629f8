package dev.sredsl.problem;

import java.util.Set;

/** Describes an exception thrown by user code in one line: type, message and where it was thrown. */
public final class Failures {

  /** Packages whose frames are not the user's: the JDK's and this library's. */
  private static final Set<String> LIBRARY_PACKAGES = Set.of("java.", "javax.", "jdk.", "sun.", "dev.sredsl.");

  private Failures() {}

  public static String describe(Throwable failure) {
    if (failure == null) {
      return "an unknown error";
    }
    StringBuilder out = new StringBuilder(failure.getClass().getName());
    if (failure.getMessage() != null) {
      out.append(": ").append(failure.getMessage().replace('\n', ' ').replace('\r', ' '));
    }
    StackTraceElement origin = userFrame(failure);
    if (origin != null) {
      out.append(" (at ").append(origin.getClassName()).append('.').append(origin.getMethodName());
      if (origin.getFileName() != null && origin.getLineNumber() > 0) {
        out.append(", ").append(origin.getFileName()).append(':').append(origin.getLineNumber());
      }
      out.append(')');
    }
    return out.toString();
  }

  /** The innermost frame outside the JDK and this library: the user's line that failed. */
  private static StackTraceElement userFrame(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      String cls = frame.getClassName();
      if (LIBRARY_PACKAGES.stream().noneMatch(cls::startsWith)) {
        return frame;
      }
    }
    return null;
  }
}
