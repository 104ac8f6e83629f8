package dev.sredsl.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sredsl.problem.Problem;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.model.Service;
import dev.sredsl.testing.JavaSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionsLoaderTest {

  @TempDir
  Path work;

  private final DefinitionsLoader loader = new DefinitionsLoader(DefinitionsLoaderTest.class.getClassLoader());

  private static String definitions(String pkg, String name, String body) {
    return "package " + pkg + ";\n"
        + "import dev.sredsl.dsl.*;\nimport dev.sredsl.model.*;\n"
        + "public class " + name + " implements SreDefinitions {\n" + body + "\n}\n";
  }

  private static String declaring(String service) {
    return "  @Override public void define(SreRegistry sre) {\n"
        + "    sre.service(\"" + service + "\", s -> s.tier(Tier.LOW));\n  }";
  }

  private static List<String> names(Declarations declarations) {
    return declarations.services().stream().map(Service::name).toList();
  }

  private static List<String> messages(Declarations declarations) {
    return declarations.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void findsEveryConcreteDefinitionsClassWithoutRegistration() throws IOException {
    Path classes = JavaSources.compile(work, Map.of(
        "com/acme/orders/OrdersMonitoring.java", definitions("com.acme.orders", "OrdersMonitoring", declaring("orders")),
        "com/acme/billing/deep/Billing.java", definitions("com.acme.billing.deep", "Billing", declaring("billing")),
        "com/acme/Base.java", "package com.acme;\npublic abstract class Base implements dev.sredsl.dsl.SreDefinitions {}\n",
        "com/acme/Unrelated.java", "package com.acme;\npublic class Unrelated { static { if (true) throw new Error(\"must not be initialised\"); } }\n"));

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of("billing", "orders"), names(found));
    assertEquals(List.of(), messages(found));
  }

  @Test
  void noDefinitionsClassSaysWhatToWrite() throws IOException {
    Path classes = JavaSources.compile(work, Map.of(
        "com/acme/App.java", "package com.acme;\npublic class App {}\n"));

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of("no class implementing dev.sredsl.dsl.SreDefinitions found in " + classes
        + "; add one, e.g. public final class Monitoring implements SreDefinitions { @Override public void"
        + " define(SreRegistry sre) { sre.service(\"my-service\", s -> s.tier(Tier.HIGH)); } }"), messages(found));
  }

  @Test
  void missingClassesFolderAsksToCompileFirst() {
    Path classes = work.resolve("target/classes");

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of("no compiled classes in " + classes
        + "; compile the project first (mvn process-classes runs sre:generate after compiling)"), messages(found));
  }

  @Test
  void aThrowingConstructorIsReportedWithTheClassNameAndLine() throws IOException {
    Path classes = JavaSources.compile(work, Map.of("com/acme/Broken.java", definitions("com.acme", "Broken",
        "  public Broken() {\n    throw new IllegalStateException(\"config missing\");\n  }\n"
            + declaring("broken"))));

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of("definitions class com.acme.Broken could not be created: its constructor threw"
        + " java.lang.IllegalStateException: config missing (at com.acme.Broken.<init>, Broken.java:6)"),
        messages(found));
  }

  @Test
  void anExceptionInDefineIsReportedAndOtherDefinitionsStillRun() throws IOException {
    Path classes = JavaSources.compile(work, Map.of(
        "com/acme/Failing.java", definitions("com.acme", "Failing",
            "  @Override public void define(SreRegistry sre) {\n    Object o = null;\n    o.hashCode();\n  }"),
        "com/acme/Working.java", definitions("com.acme", "Working", declaring("working"))));

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of("working"), names(found));
    List<String> messages = messages(found);
    assertEquals(1, messages.size());
    assertEquals(true, messages.get(0).startsWith("definitions class com.acme.Failing failed in define():"
        + " java.lang.NullPointerException"), messages.get(0));
    assertEquals(true, messages.get(0).endsWith("(at com.acme.Failing.define, Failing.java:7)"), messages.get(0));
  }

  @Test
  void aStaticInitialiserFailureIsReported() throws IOException {
    Path classes = JavaSources.compile(work, Map.of("com/acme/Static.java", definitions("com.acme", "Static",
        "  static final int X = Integer.parseInt(\"not a number\");\n" + declaring("static"))));

    Declarations found = loader.load(classes, List.of());

    assertEquals(1, found.problems().size());
    assertEquals(true, messages(found).get(0).startsWith("definitions class com.acme.Static could not be created:"
        + " its static initialiser threw java.lang.NumberFormatException: For input string: \"not a number\""),
        messages(found).get(0));
  }

  @Test
  void definitionsNeedAPublicNoArgumentConstructorAndPublicClass() throws IOException {
    Path classes = JavaSources.compile(work, Map.of(
        "com/acme/WithArgs.java", definitions("com.acme", "WithArgs",
            "  public WithArgs(String x) {}\n" + declaring("with-args")),
        "com/acme/Hidden.java", "package com.acme;\nimport dev.sredsl.dsl.*;\nimport dev.sredsl.model.*;\n"
            + "class Hidden implements SreDefinitions {\n" + declaring("hidden") + "\n}\n"));

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of(
        "definitions class com.acme.Hidden is not public; make it public so that the build can create it",
        "definitions class com.acme.WithArgs has no public no-argument constructor; add one"), messages(found));
  }

  @Test
  void twoDefinitionsClaimingOneServiceAreBothNamed() throws IOException {
    Path classes = JavaSources.compile(work, Map.of(
        "com/acme/A.java", definitions("com.acme", "A", declaring("checkout")),
        "com/acme/B.java", definitions("com.acme", "B", declaring("checkout"))));

    Declarations found = loader.load(classes, List.of());

    assertEquals(List.of("service 'checkout': declared in both com.acme.A and com.acme.B; declare each service"
        + " in one place"), messages(found));
  }

  @Test
  void honoursServiceLoaderEntriesOnTheClasspath() throws IOException {
    Path library = JavaSources.compile(work.resolve("lib"), Map.of(
        "com/shared/SharedPlatform.java", definitions("com.shared", "SharedPlatform", declaring("platform"))));
    Path services = library.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve("dev.sredsl.dsl.SreDefinitions"), "# shared\ncom.shared.SharedPlatform\n");
    Path classes = JavaSources.compile(work.resolve("app"), Map.of(
        "com/acme/Own.java", definitions("com.acme", "Own", declaring("own"))));

    Declarations found = loader.load(classes, List.of(library));

    assertEquals(List.of("own", "platform"), names(found));
  }

  @Test
  void sharesTheLibraryClassesOfItsParentEvenWhenTheClasspathHoldsAnotherCopy() throws IOException {
    Path classes = JavaSources.compile(work, Map.of(
        "com/acme/Defs.java", definitions("com.acme", "Defs", declaring("orders"))));

    // The project's classpath lists sre-dsl too (a user's provided dependency); the parent's copy wins,
    // otherwise the class would implement a different SreDefinitions and not be found.
    Declarations found = loader.load(classes, List.of(JavaSources.libraryLocation()));

    assertEquals(List.of("orders"), names(found));
  }

  @Test
  void runsDefineWithTheProjectLoaderAsContextAndRestoresTheCallersAfterwards() throws IOException {
    Path classes = JavaSources.compile(work, Map.of("com/acme/Ctx.java", definitions("com.acme", "Ctx",
        "  @Override public void define(SreRegistry sre) {\n"
            + "    boolean own = Thread.currentThread().getContextClassLoader() == getClass().getClassLoader();\n"
            + "    sre.service(own ? \"project-loader\" : \"other-loader\", s -> s.tier(Tier.LOW));\n  }")));
    ClassLoader before = new ClassLoader() {};
    Thread.currentThread().setContextClassLoader(before);
    try {
      Declarations found = loader.load(classes, List.of());

      assertEquals(List.of("project-loader"), names(found));
      assertSame(before, Thread.currentThread().getContextClassLoader());
    } finally {
      Thread.currentThread().setContextClassLoader(DefinitionsLoaderTest.class.getClassLoader());
    }
  }
}
