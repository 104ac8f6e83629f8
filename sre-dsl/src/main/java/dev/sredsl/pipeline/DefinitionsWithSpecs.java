package dev.sredsl.pipeline;

import dev.sredsl.check.DefinitionValidator;
import dev.sredsl.dsl.Declarations;
import dev.sredsl.model.Ownership;
import dev.sredsl.model.Service;
import dev.sredsl.model.Slo;
import dev.sredsl.model.Tier;
import dev.sredsl.problem.Problem;
import dev.sredsl.promql.LabelMatcher;
import dev.sredsl.specs.ImportedSlo;
import dev.sredsl.specs.ImportedSlos;
import dev.sredsl.specs.SpecFiles;
import dev.sredsl.specs.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java definitions together with the YAML specs of a folder. How the two combine:
 *
 * <ul>
 *   <li>A service the specs declare and Java does not is a service of its own: its SLOs, the
 *       default selector {@code job="<service>"}, and no owner, tier or runbook, which the coverage
 *       gate reports as missing.
 *   <li>A service both declare is the Java service with the specs' SLOs added after its own: Java gives
 *       what YAML cannot (owner, tier, selector, signals, alerts and their runbooks), the spec keeps
 *       its SLOs. An SLO both declare, or two specs declare, is an error at the spec's place.
 * </ul>
 *
 * <p>Each spec SLO is validated on its own first, so that what is wrong with it points at its
 * {@code file:line:column}; what the specs drop (a label the build sets itself) is a warning.
 */
public final class DefinitionsWithSpecs implements DefinitionsSource {

  private final DefinitionsSource definitions;
  private final Path specsFolder;
  private final Path projectFolder;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param definitions the Java definitions
   * @param specsFolder the folder of YAML specs; a folder that does not exist holds none
   * @param projectFolder what the specs' file names in messages are relative to
   */
  public DefinitionsWithSpecs(DefinitionsSource definitions, Path specsFolder, Path projectFolder) {
    this.definitions = definitions;
    this.specsFolder = specsFolder;
    this.projectFolder = projectFolder;
  }

  /** What the last {@link #load()} did not keep of the specs, one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public Declarations load() {
    Declarations java = definitions.load();
    List<Path> files = SpecFiles.list(specsFolder);
    warnings.clear();
    if (files.isEmpty()) {
      return java;
    }
    SpecFiles.Read read = SpecFiles.read(files, projectFolder);
    List<Problem> problems = new ArrayList<>(java.problems());
    read.problems().forEach(line -> problems.add(Problem.of(null, null, line)));
    Map<String, Service> javaServices = new LinkedHashMap<>();
    java.services().forEach(s -> javaServices.putIfAbsent(s.name(), s));
    Map<String, List<Slo>> added = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    Map<String, YamlNode> places = new LinkedHashMap<>();
    for (ImportedSlos file : read.files()) {
      warnings.addAll(file.warnings());
      for (ImportedSlo imported : file.slos()) {
        String key = imported.service() + "\u0000" + imported.slo().name();
        YamlNode earlier = places.putIfAbsent(key, imported.at());
        Service javaService = javaServices.get(imported.service());
        String place = place(imported.at());
        if (earlier != null) {
          problems.add(Problem.of(null, null, place + ": service " + Problem.quoteName(imported.service()) + ", slo "
              + Problem.quoteName(imported.slo().name()) + " is also declared at " + place(earlier) + "; keep one"));
        } else if (javaService != null && javaService.slos().stream().anyMatch(s -> s.name() != null
            && s.name().equals(imported.slo().name()))) {
          problems.add(Problem.of(null, null, place + ": service " + Problem.quoteName(imported.service()) + ", slo "
              + Problem.quoteName(imported.slo().name()) + " is also declared in Java; keep one, or rename it in"
              + " one of the two"));
        } else {
          List<Problem> own = validateAlone(imported);
          own.forEach(p -> problems.add(Problem.of(null, null, place + ": " + p)));
          if (own.isEmpty()) {
            added.computeIfAbsent(imported.service(), s -> new ArrayList<>()).add(imported.slo());
            if (imported.serviceDescription() != null) {
              descriptions.putIfAbsent(imported.service(), imported.serviceDescription());
            }
          }
        }
      }
    }
    List<Service> services = new ArrayList<>();
    Set<String> importedOnly = new LinkedHashSet<>();
    for (Service service : java.services()) {
      services.add(withSlos(service, added.getOrDefault(service.name(), List.of())));
    }
    added.forEach((name, slos) -> {
      if (!javaServices.containsKey(name)) {
        services.add(importedService(name, descriptions.get(name), null, slos));
        importedOnly.add(name);
      }
    });
    services.sort(Comparator.comparing(s -> String.valueOf(s.name())));
    return new Declarations(services, problems, importedOnly);
  }

  /**
   * The SLO's problems as validation finds them in a service of its own, so that they can name the
   * spec's place; the problems of the service it lands in come later, from the whole validation.
   */
  private static List<Problem> validateAlone(ImportedSlo imported) {
    Service alone = importedService(imported.service(), null, Tier.LOW, List.of(imported.slo()));
    return new DefinitionValidator().validate(List.of(alone));
  }

  private static Service importedService(String name, String description, Tier tier, List<Slo> slos) {
    return new Service(name, description, tier, Ownership.NONE, List.of(LabelMatcher.eq("job", name)), null,
        List.of(), List.of(), slos, List.of(), List.of(), null, List.of(), null, null, List.of());
  }

  private static Service withSlos(Service service, List<Slo> specSlos) {
    if (specSlos.isEmpty()) {
      return service;
    }
    List<Slo> slos = new ArrayList<>(service.slos());
    slos.addAll(specSlos);
    return new Service(service.name(), service.description(), service.tier(), service.owner(), service.selector(),
        service.requests(), service.signals(), service.dependencies(), slos, service.alerts(), service.panels(),
        service.deployments(), service.waivers(), service.missingDataAlertsOff(), service.targetsDownFor(),
        service.riskAcknowledgements());
  }

  private static String place(YamlNode at) {
    return at.file() + ":" + at.line() + ":" + at.column();
  }

  /** The Java definitions' fingerprint with every spec file's name and bytes. */
  @Override
  public String fingerprint(Object settings) {
    String classes = definitions.fingerprint(settings);
    if (classes == null) {
      return null;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(classes.getBytes(StandardCharsets.UTF_8));
      for (Path file : SpecFiles.list(specsFolder)) {
        digest.update(specsFolder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the specs in " + specsFolder + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
