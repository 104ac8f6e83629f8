package dev.sredsl.diff;

import java.util.ArrayList;
import java.util.List;

/** What the comparisons of one service found: its changes and the risks among them. */
final class Findings {

  /** A risk before acknowledgements are applied. */
  record RawRisk(Risk risk, String element, String text) {}

  final List<Change> changes = new ArrayList<>();
  final List<RawRisk> risks = new ArrayList<>();

  void change(Change change) {
    changes.add(change);
  }

  void risk(Risk risk, String element, String text) {
    risks.add(new RawRisk(risk, element, text));
  }
}
