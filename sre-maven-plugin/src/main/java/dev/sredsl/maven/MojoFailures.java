package dev.sredsl.maven;

import dev.sredsl.problem.DefinitionException;
import dev.sredsl.problem.Problem;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** How every goal reports definitions that are wrong: one ERROR line per problem, then a build failure. */
final class Failures {

  private Failures() {}

  static MojoFailureException definitions(Log log, DefinitionException invalid) {
    for (Problem problem : invalid.problems()) {
      log.error(problem.toString());
    }
    return new MojoFailureException(invalid.problems().size() == 1
        ? "The SRE definitions have 1 problem; see the line above"
        : "The SRE definitions have " + invalid.problems().size() + " problems; see the lines above");
  }
}
