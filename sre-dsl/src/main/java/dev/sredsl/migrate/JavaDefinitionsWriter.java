package dev.sredsl.migrate;

import dev.sredsl.dsl.SreDefinitions;
import dev.sredsl.dsl.SreRegistry;
import dev.sredsl.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Writes a service as the Java definitions class a person would write for it: one source file per
 * service, {@code public final class <Name>Definitions implements SreDefinitions}, whose
 * {@code define} declares the service with the DSL. Compiled and run, the class declares a service
 * equal to the one written. This is how {@code sre:import} turns SLO specs (Sloth, OpenSLO) into code
 * the team owns from then on.
 *
 * <pre>{@code
 * String source = new JavaDefinitionsWriter().write("com.example.monitoring", "slos/checkout.yml", service);
 * Path file = sourceRoot.resolve("com/example/monitoring/" + JavaDefinitionsWriter.className(service.name()) + ".java");
 * }</pre>
 *
 * <p>The writer covers what a service read from a spec holds: its name, description, selector (when
 * not the default) and SLOs of every kind, with every SLO setting that differs from the DSL's default;
 * also the tier and the owner without working hours. Any other part (alerts, signals, dependencies
 * ...) is refused with an {@link IllegalArgumentException} that names it, never left out. The output
 * depends on the arguments only: the same service always gives the same text.
 */
public final class JavaDefinitionsWriter {

  private static final String SUFFIX = "Definitions";

  /**
   * The source of the definitions class for one service.
   *
   * @param packageName the class's package, e.g. {@code com.example.monitoring}
   * @param specFile the spec file the service was read from, as the header names it, e.g.
   *     {@code src/main/sre/checkout.yml}
   * @param service the service
   * @return the content of {@code <className(service.name())>.java}, lines ending in {@code \n}
   * @throws IllegalArgumentException when the package name is not one, or the service holds a part
   *     the writer cannot express; the message names it
   */
  public String write(String packageName, String specFile, Service service) {
    if (packageName == null || !SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("'" + packageName + "' is not a Java package name; give one such as"
          + " com.example.monitoring");
    }
    String className = className(service.name());
    Imports imports = new Imports();
    String definitions = imports.use(SreDefinitions.class);
    String registry = imports.use(SreRegistry.class);
    List<String> body = new ServiceDeclaration(imports).lines(service);

    List<String> lines = new ArrayList<>();
    lines.add("// Converted by sre:import from " + JavaComments.text(specFile) + ".");
    lines.add("// This class is now the team's code to own: change the service here, not in the spec file.");
    lines.add("package " + packageName + ";");
    lines.add("");
    lines.addAll(imports.lines());
    lines.add("");
    lines.add("/** Declares the service " + JavaComments.text(service.name()) + ", converted from its SLO spec. */");
    lines.add("public final class " + className + " implements " + definitions + " {");
    lines.add("");
    lines.add("  @Override");
    lines.add("  public void define(" + registry + " sre) {");
    lines.addAll(body);
    lines.add("  }");
    lines.add("}");
    return String.join("\n", lines) + "\n";
  }

  /**
   * The name of the class written for a service: its name's letters and digits in CamelCase, then
   * {@code Definitions}, e.g. {@code CheckoutApiDefinitions} for {@code checkout-api}. Any character
   * but ASCII letters and digits separates words; a name that starts with a digit gets {@code Service}
   * before it.
   *
   * @param serviceName the service's name
   * @return the simple class name, also the file's name without {@code .java}
   * @throws IllegalArgumentException when the name has no ASCII letter or digit
   */
  public static String className(String serviceName) {
    StringBuilder name = new StringBuilder();
    for (String word : String.valueOf(serviceName).split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    if (serviceName == null || name.length() == 0) {
      throw new IllegalArgumentException("service '" + serviceName + "' has no letter or digit to name its"
          + " definitions class after; rename it (lower-case letters, digits and dashes)");
    }
    if (Character.isDigit(name.charAt(0))) {
      name.insert(0, "Service");
    }
    return name.append(SUFFIX).toString();
  }
}
