package dev.sredsl.maven;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import dev.sredsl.problem.SettingException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * How every goal reports what went wrong: a user's mistake (definitions, settings) as lines without a
 * stack trace and a build failure; a file that cannot be read or written as an execution error.
 */
final class MojoFailures {

  private MojoFailures() {}

  /** One ERROR line per problem, then a failure that points at them. */
  static MojoFailureException definitions(Log log, DefinitionException invalid) {
    for (Problem problem : invalid.problems()) {
      log.error(problem.toString());
    }
    return new MojoFailureException(invalid.problems().size() == 1
        ? "The SRE definitions have 1 problem; see the line above"
        : "The SRE definitions have " + invalid.problems().size() + " problems; see the lines above");
  }

  /** The setting's one line is the failure's message. */
  static MojoFailureException setting(SettingException wrong) {
    return new MojoFailureException(wrong.getMessage());
  }

  static MojoExecutionException io(UncheckedIOException failure) {
    return new MojoExecutionException(failure.getMessage(), failure);
  }
}
