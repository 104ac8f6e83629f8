package dev.sredsl.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of {@code dev.sredsl} use which, read from compiled classes: every type a class
 * names in its constant pool (classes it uses, and the types in its fields', methods' and generic
 * signatures), so that a fully qualified name in code counts as much as an import.
 */
final class PackageGraph {

  private static final Pattern TYPE = Pattern.compile("dev/sredsl/((?:[a-z0-9_]+/)*)[A-Z][A-Za-z0-9_$]*");

  /** Package to the packages it uses, and, for each such edge, a class that makes it. */
  private final Map<String, Map<String, String>> edges = new TreeMap<>();

  /** The graph of the classes under {@code classesRoot}. */
  static PackageGraph of(Path classesRoot) {
    PackageGraph graph = new PackageGraph();
    try (Stream<Path> files = Files.walk(classesRoot)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String className = classesRoot.relativize(file).toString().replace('\\', '/');
        String from = packageOf(className);
        try (InputStream in = Files.newInputStream(file)) {
          for (String text : constantPoolTexts(in)) {
            Matcher m = TYPE.matcher(text);
            while (m.find()) {
              String to = packageOf(m.group());
              graph.add(from, to, className.replace(".class", ""));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  void add(String from, String to, String because) {
    if (!from.equals(to) && from.startsWith("dev.sredsl") && to.startsWith("dev.sredsl")) {
      edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, because);
    }
    edges.computeIfAbsent(to, k -> new TreeMap<>());
  }

  Set<String> packages() {
    return edges.keySet();
  }

  Set<String> uses(String from) {
    return edges.getOrDefault(from, Map.of()).keySet();
  }

  /** A class of {@code from} that uses {@code to}. */
  String because(String from, String to) {
    return edges.get(from).get(to);
  }

  /**
   * The cycles: each set of packages that reach one another (a strongly connected component of more
   * than one package), found with Tarjan's algorithm.
   */
  List<Set<String>> cycles() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> cycles = new ArrayList<>();
    for (String start : edges.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, index, low, stack, onStack, cycles);
      }
    }
    return cycles;
  }

  private void connect(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      Set<String> onStack, List<Set<String>> cycles) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String next : uses(node)) {
      if (!index.containsKey(next)) {
        connect(next, index, low, stack, onStack, cycles);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        cycles.add(component);
      }
    }
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return internalName.substring(0, slash).replace('/', '.');
  }

  /** The texts (UTF-8 entries) of a class file's constant pool: names, descriptors, signatures. */
  static List<String> constantPoolTexts(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    List<String> texts = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> texts.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
        case 15 -> in.skipBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // Integer, Float, refs, NameAndType, dynamic
        case 5, 6 -> {
          in.skipBytes(8); // Long and Double take two entries
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return texts;
  }
}
