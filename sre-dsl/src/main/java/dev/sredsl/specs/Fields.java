package dev.sredsl.specs;

import java.util.Collection;
import java.util.Locale;

/** Known field names, and the closest one to a name that is not among them. */
public final class Fields {

  private Fields() {}

  /**
   * Refuses every key of the mapping that is not a known field, naming the closest known one.
   *
   * @param where what the mapping is, e.g. "a Sloth SLO"
   */
  public static void onlyKnown(YamlNode.Mapping mapping, Collection<String> known, String where) {
    for (String key : mapping.entries().keySet()) {
      if (!known.contains(key)) {
        String closest = closest(key, known);
        throw mapping.problemAtKey(key, "'" + key + "' is no field of " + where
            + (closest == null ? "; the fields are " + String.join(", ", known)
                : "; did you mean '" + closest + "'?"));
      }
    }
  }

  /** The known name closest to {@code name} by edit distance, ignoring case, or {@code null} when none is near. */
  public static String closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // Near enough to be a typo: at most a third of the name, and at least one letter.
    return best != null && bestDistance <= Math.max(1, name.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
