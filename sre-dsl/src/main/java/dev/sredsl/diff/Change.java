package dev.sredsl.diff;

import java.util.List;

/**
 * One element of a service that was added, removed or changed, with what changed in it.
 *
 * @param area where the element is
 * @param kind added, removed or changed
 * @param element what it is, as the plan names it (an alert's name, a panel's title)
 * @param note one line shown with the element (e.g. its severity and receiver), or empty
 * @param details what changed, field by field; for an added or removed element, what it is
 */
public record Change(Area area, ChangeKind kind, String element, String note, List<Detail> details) {

  public Change {
    details = List.copyOf(details);
  }

  /**
   * One field of the element: before and after when it changed, one of them when it came or went.
   *
   * @param field the field's name, e.g. {@code for}
   * @param before the old value, or {@code null} when the field is new
   * @param after the new value, or {@code null} when the field is gone
   * @param code whether the values are PromQL, shown as code blocks rather than inline
   */
  public record Detail(String field, String before, String after, boolean code) {

    static Detail of(String field, String before, String after) {
      return new Detail(field, before, after, false);
    }

    static Detail code(String field, String before, String after) {
      return new Detail(field, before, after, true);
    }
  }
}
