/**
 * The model's rules: what makes declared services impossible to generate or route (names, PromQL of
 * hand-written expressions, durations, objectives whose burn-rate alerts could never fire, labels the
 * generators own, incomplete ownership or waivers), every problem collected before failing, like a
 * compiler. {@code dev.sredsl.pipeline.SrePipeline#validate} runs it first in the one validation stage
 * of every goal, followed by the dashboards' lint and the templates.
 *
 * <p>May depend on {@code model}, {@code promql}, {@code conventions} and {@code problem}; never on the
 * generators.
 */
package dev.sredsl.check;
