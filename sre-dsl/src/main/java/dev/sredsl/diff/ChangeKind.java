package dev.sredsl.diff;

/** Whether the element is new, gone, or different. */
public enum ChangeKind {
  ADDED("Added"),
  REMOVED("Removed"),
  CHANGED("Changed");

  private final String word;

  ChangeKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
