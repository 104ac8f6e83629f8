/**
 * The library's entry points, one per goal, free of any build tool: {@code GenerateGoal},
 * {@code CheckGoal} and {@code ReportGoal} take a {@code DefinitionsSource} (a project's compiled
 * classes, or declarations made in code) and return an outcome the caller logs. Every goal runs the
 * one validation stage, {@code SrePipeline#validate}, before anything else; {@code GitHubActions}
 * publishes the gate's outcome on CI.
 *
 * <p>The top of the library: may depend on every other package; none depends on it.
 */
package dev.sredsl.pipeline;
