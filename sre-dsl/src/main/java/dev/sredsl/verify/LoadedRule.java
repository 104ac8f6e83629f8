package dev.sredsl.verify;

import dev.sredsl.promql.Expr;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One rule of a Prometheus rule file, as verification reads it back: generated on this build, or
 * from a baseline folder of another.
 *
 * @param file the file's name, e.g. {@code checkout.rules.yml}
 * @param group the group's name
 * @param interval the group's evaluation interval, or {@code null} for the server's global one
 * @param record the recorded series, or {@code null} for an alerting rule
 * @param alert the alert, or {@code null} for a recording rule
 * @param forDuration how long the condition holds before the alert fires; zero fires at once
 * @param keepFiringFor how long the alert keeps firing after the condition clears; zero for not at all
 * @param labels the labels the rule adds
 */
public record LoadedRule(String file, String group, Duration interval, String record, String alert, Expr expr,
    Duration forDuration, Duration keepFiringFor, SortedMap<String, String> labels) {

  public LoadedRule {
    forDuration = forDuration == null ? Duration.ZERO : forDuration;
    keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
    labels = java.util.Collections.unmodifiableSortedMap(labels == null ? new TreeMap<>() : new TreeMap<>(labels));
  }

  public boolean isAlert() {
    return alert != null;
  }

  /** The service the rule belongs to: its {@code service} label, else the file's name up to the first dot. */
  public String service() {
    String label = labels.get("service");
    if (label != null) {
      return label;
    }
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** The alert's or the recorded series' name. */
  public String name() {
    return isAlert() ? alert : record;
  }
}
