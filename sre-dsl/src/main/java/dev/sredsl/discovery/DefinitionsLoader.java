package dev.sredsl.discovery;

import dev.sredsl.problem.Failures;
import dev.sredsl.problem.Problem;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds and runs a project's definitions: every concrete class in its compiled classes that
 * implements {@link SreDefinitions}, and every provider named in
 * {@code META-INF/services/dev.sredsl.dsl.SreDefinitions} on its classpath.
 *
 * <p>The project's classes are loaded in a class loader of their own whose parent is the caller's
 * (the one that holds this library), so the definitions and this library share one copy of the DSL
 * classes. The loader is closed after use and the thread's context class loader restored. What user
 * code throws becomes a {@link Problem} naming the class, not a stack trace.
 */
public final class DefinitionsLoader {

  private final ClassLoader parent;

  /** @param parent the class loader that holds this library, usually {@code SreDefinitions.class.getClassLoader()} */
  public DefinitionsLoader(ClassLoader parent) {
    this.parent = parent;
  }

  /**
   * @param classesDirectory the project's compiled classes, searched for definitions
   * @param classpath further entries the definitions need (the project's dependencies)
   */
  public Declarations load(Path classesDirectory, List<Path> classpath) {
    SreRegistry registry = new SreRegistry();
    if (!Files.isDirectory(classesDirectory)) {
      registry.report(Problem.of(null, null, "no compiled classes in " + classesDirectory
          + "; compile the project first (mvn process-classes runs sre:generate after compiling)"));
      return registry.declarations();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previousContext = thread.getContextClassLoader();
    try (URLClassLoader projectLoader = new URLClassLoader(urls(classesDirectory, classpath), parent)) {
      thread.setContextClassLoader(projectLoader);
      TreeMap<String, Class<?>> found = new TreeMap<>();
      scan(classesDirectory, projectLoader, found, registry);
      serviceProviders(projectLoader, found, registry);
      if (found.isEmpty()) {
        registry.report(Problem.of(null, null, "no class implementing " + SreDefinitions.class.getName()
            + " found in " + classesDirectory + "; add one, e.g. public final class Monitoring implements"
            + " SreDefinitions { @Override public void define(SreRegistry sre) { sre.service(\"my-service\","
            + " s -> s.tier(Tier.HIGH)); } }"));
      }
      for (Class<?> type : found.values()) {
        run(type, registry);
      }
      return registry.declarations();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the project's classes in " + classesDirectory, e);
    } finally {
      thread.setContextClassLoader(previousContext);
    }
  }

  private static URL[] urls(Path classesDirectory, List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(classesDirectory.toUri().toURL());
      for (Path entry : classpath) {
        if (!entry.equals(classesDirectory)) {
          urls.add(entry.toUri().toURL());
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("unusable classpath entry: " + e.getMessage(), e);
    }
    return urls.toArray(URL[]::new);
  }

  /** Loads every class file without initialising it and keeps the concrete definitions. */
  private static void scan(Path classesDirectory, ClassLoader loader, TreeMap<String, Class<?>> found,
      SreRegistry registry) throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.walk(classesDirectory)) {
      names = files
          .filter(p -> p.getFileName().toString().endsWith(".class"))
          .map(p -> binaryName(classesDirectory.relativize(p)))
          .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
          .sorted()
          .toList();
    }
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError unloadable) {
        // A class whose own dependencies are missing cannot be a definitions class we can run.
        continue;
      }
      if (isDefinitions(type) && !type.isAnonymousClass() && !type.isLocalClass()) {
        found.put(type.getName(), type);
      }
    }
  }

  private static void serviceProviders(ClassLoader loader, TreeMap<String, Class<?>> found, SreRegistry registry) {
    try {
      ServiceLoader.load(SreDefinitions.class, loader).stream()
          .map(ServiceLoader.Provider::type)
          .forEach(type -> found.putIfAbsent(type.getName(), type));
    } catch (ServiceConfigurationError e) {
      registry.report(Problem.of(null, null, "a META-INF/services/" + SreDefinitions.class.getName()
          + " entry is unusable: " + e.getMessage() + "; fix or remove the entry"));
    }
  }

  private static boolean isDefinitions(Class<?> type) {
    return SreDefinitions.class.isAssignableFrom(type)
        && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers());
  }

  private static void run(Class<?> type, SreRegistry registry) {
    String name = type.getName();
    SreDefinitions definitions;
    try {
      if (!Modifier.isPublic(type.getModifiers())) {
        registry.report(Problem.of(null, null, "definitions class " + name + " is not public; make it public"
            + " so that the build can create it"));
        return;
      }
      Constructor<?> constructor = type.getConstructor();
      definitions = (SreDefinitions) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      registry.report(Problem.of(null, null, "definitions class " + name
          + " has no public no-argument constructor; add one"));
      return;
    } catch (InvocationTargetException e) {
      registry.report(Problem.of(null, null, "definitions class " + name + " could not be created: its"
          + " constructor threw " + Failures.describe(e.getCause())));
      return;
    } catch (ExceptionInInitializerError e) {
      registry.report(Problem.of(null, null, "definitions class " + name + " could not be created: its"
          + " static initialiser threw " + Failures.describe(e.getCause())));
      return;
    } catch (ReflectiveOperationException | LinkageError e) {
      registry.report(Problem.of(null, null, "definitions class " + name + " could not be created: "
          + Failures.describe(e)));
      return;
    }
    try {
      registry.collect(definitions);
    } catch (RuntimeException | LinkageError e) {
      registry.report(Problem.of(null, null, "definitions class " + name + " failed in define(): "
          + Failures.describe(e)));
    }
  }

  private static String binaryName(Path relative) {
    String path = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
