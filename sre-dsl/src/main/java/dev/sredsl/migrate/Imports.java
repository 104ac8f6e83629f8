package dev.sredsl.migrate;

import java.util.List;
import java.util.TreeSet;

/** The types a written source file uses, for its import lines. */
final class Imports {

  private final TreeSet<String> types = new TreeSet<>();

  /**
   * Records that the source uses {@code type}.
   *
   * @param type a top-level class outside {@code java.lang}
   * @return its simple name, as the source writes it
   */
  String use(Class<?> type) {
    types.add(type.getName());
    return type.getSimpleName();
  }

  /**
   * The import lines, sorted by name.
   *
   * @return e.g. {@code import dev.sredsl.model.Slo;}
   */
  List<String> lines() {
    return types.stream().map(name -> "import " + name + ";").toList();
  }
}
