import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staging deploy ({@code mvn deploy} into a {@code file:} repository) the way Maven Central
 * checks a release: each published module has its jar, POM, sources jar and Javadoc jar, every POM
 * has the fields Central requires (its own or its parent's), and the benchmarks are not published.
 * Run by {@code .ci/run}: {@code java .ci/StagingCheck.java target/staging}.
 */
public final class StagingCheck {

  private static final String GROUP = "dev/sredsl";
  private static final List<String> JARS = List.of("sre-templates", "sre-dsl", "sre-maven-plugin");
  private static final String PARENT = "sre-parent";
  private static final List<String> NOT_PUBLISHED = List.of("sre-bench");

  private final List<String> problems = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Path repository = Path.of(args[0]);
    StagingCheck check = new StagingCheck();
    check.run(repository);
    if (!check.problems.isEmpty()) {
      check.problems.forEach(p -> System.err.println("staging check: " + p));
      System.exit(1);
    }
    System.out.println("staging check: " + (JARS.size() + 1) + " modules hold what Maven Central requires in "
        + repository);
  }

  private void run(Path repository) throws Exception {
    Path group = repository.resolve(GROUP);
    Optional<Document> parent = pom(group, PARENT);
    if (parent.isEmpty()) {
      problems.add(PARENT + ": no POM deployed");
    }
    parent.ifPresent(p -> requiredFields(PARENT, p, null));
    for (String artifact : JARS) {
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        if (file(group, artifact, suffix).isEmpty()) {
          problems.add(artifact + ": no " + artifact + "-<version>" + suffix + " deployed");
        }
      }
      Optional<Document> pom = pom(group, artifact);
      if (pom.isEmpty()) {
        problems.add(artifact + ": no POM deployed");
      } else {
        requiredFields(artifact, pom.get(), parent.orElse(null));
      }
    }
    for (String artifact : NOT_PUBLISHED) {
      if (Files.exists(group.resolve(artifact))) {
        problems.add(artifact + ": deployed, but it is not meant to be published");
      }
    }
  }

  /** Name and description of its own; the rest of its own or inherited from the parent POM. */
  private void requiredFields(String artifact, Document pom, Document parent) {
    for (String field : List.of("name", "description")) {
      if (text(pom, field).isEmpty()) {
        problems.add(artifact + ": the POM has no <" + field + ">");
      }
    }
    for (String path : List.of("url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
        "scm/url", "scm/connection", "scm/developerConnection")) {
      if (text(pom, path).isEmpty() && (parent == null || text(parent, path).isEmpty())) {
        problems.add(artifact + ": neither the POM nor its parent has <" + path + ">");
      }
    }
  }

  private static Optional<Document> pom(Path group, String artifact) throws Exception {
    Optional<Path> file = file(group, artifact, ".pom");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return Optional.of(factory.newDocumentBuilder().parse(file.get().toFile()));
  }

  /** The deployed file of the artifact ending in {@code suffix}: a release's name, or a snapshot's timestamped one. */
  private static Optional<Path> file(Path group, String artifact, String suffix) {
    Path folder = group.resolve(artifact);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        String rest = name.startsWith(artifact + "-") ? name.substring(artifact.length() + 1) : null;
        // <version>-sources.jar is no plain .jar; the version itself holds no classifier.
        return rest != null && rest.endsWith(suffix)
            && rest.substring(0, rest.length() - suffix.length()).matches("[0-9][0-9A-Za-z.]*(-[0-9]{8}\\.[0-9]{6}-[0-9]+|-SNAPSHOT)?");
      }).findFirst();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The text of the element at {@code path} below the project element, or "" when absent. */
  private static String text(Document pom, String path) {
    Node node = pom.getDocumentElement();
    for (String name : path.split("/")) {
      node = child(node, name);
      if (node == null) {
        return "";
      }
    }
    return node.getTextContent().strip();
  }

  private static Node child(Node parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && name.equals(element.getLocalName() != null ? element.getLocalName()
          : element.getTagName())) {
        return child;
      }
    }
    return null;
  }
}
