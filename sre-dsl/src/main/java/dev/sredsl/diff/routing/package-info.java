/**
 * Where an alert goes under an Alertmanager configuration: {@code AlertmanagerRoutes} reads the
 * routing tree of a configuration (such as the generated {@code alertmanager/routes.yml}) and answers,
 * for an alert's labels, which receivers Alertmanager notifies, in its order and with its rules (first
 * matching child unless {@code continue}, inherited receivers, anchored RE2 regexes, absent labels read
 * as empty), together with the time intervals that gate each delivery. {@code sre:diff} uses it to show
 * a reviewer where each alert went before a change and where it goes after.
 *
 * <p>May depend on {@code promql} (for checking RE2 syntax) and {@code problem}.
 */
package dev.sredsl.diff.routing;
