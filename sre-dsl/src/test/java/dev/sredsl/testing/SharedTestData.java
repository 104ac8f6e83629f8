package dev.sredsl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Test data kept beside the project rather than in it (Grafana's schemas, other tools' specs): a
 * folder {@code shared/<name>} next to an ancestor of the working directory (e.g.
 * {@code /work/shared/peer-specs} for a project in {@code /work/main}), or the folder a system
 * property names. Missing, it fails the test in CI ({@code CI=true}) and skips it elsewhere.
 */
public final class SharedTestData {

  private SharedTestData() {}

  /** The folder {@code shared/<name>}, or the one {@code -D<property>} names. */
  public static Path folder(String name, String property, String what) {
    String override = System.getProperty(property);
    String lookedFor;
    if (override != null && !override.isBlank()) {
      Path dir = Path.of(override).toAbsolutePath();
      if (Files.isDirectory(dir)) {
        return dir;
      }
      lookedFor = dir + " (system property " + property + ")";
    } else {
      Path cwd = Path.of("").toAbsolutePath();
      for (Path ancestor = cwd; ancestor != null; ancestor = ancestor.getParent()) {
        Path candidate = ancestor.resolve("shared").resolve(name);
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
      lookedFor = "shared/" + name + " in " + cwd + " and each of its parent folders";
    }
    String message = what + " not found: looked for " + lookedFor + "; put them there or set -D" + property
        + "=<folder>";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true, so this test may not be skipped)");
    }
    Assumptions.abort(message);
    return null;
  }

  /** Real SLO specifications of other tools (Sloth), and what those tools generated from them. */
  public static Path peerSpecs() {
    return folder("peer-specs", "sredsl.peerSpecs", "Peer SLO specs");
  }
}
