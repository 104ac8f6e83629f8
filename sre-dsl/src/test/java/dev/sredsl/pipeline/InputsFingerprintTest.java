package dev.sredsl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.SloWindowForm;
import dev.sredsl.generate.AlertmanagerSettings;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint of generation's inputs: the same inputs match, a change in any one of them does not. */
class InputsFingerprintTest {

  @TempDir
  Path work;

  private Path classes;
  private Path jar;
  private Path resources;
  private Path pluginJar;
  private Path templates;
  private GenerationSettings settings;

  @BeforeEach
  void project() throws IOException {
    classes = work.resolve("target/classes");
    write(classes.resolve("com/acme/Monitoring.class"), "class v1");
    write(classes.resolve("com/acme/Other.class"), "other");
    jar = write(work.resolve("repo/sre-dsl.jar"), "jar bytes");
    resources = work.resolve("shared/classes");
    write(resources.resolve("META-INF/services/dev.sredsl.dsl.SreDefinitions"), "com.shared.Monitoring\n");
    pluginJar = write(work.resolve("repo/sre-maven-plugin.jar"), "plugin bytes");
    templates = work.resolve("sre-templates");
    write(templates.resolve("runbook.md.ftl"), "# ${service.name}\n");
    settings = new GenerationSettings("https://git.example.com/runbooks", "https://grafana.example.com",
        Map.of("release", "prometheus"), "/var/lib/grafana/dashboards", Map.of("dashboards", "grafana"),
        templates.toFile(), new AlertmanagerSettings("default", "{team}-page", "{team}-ticket", "{team}-chat"));
  }

  private String fingerprint() {
    return fingerprint(settings);
  }

  private String fingerprint(GenerationSettings with) {
    return InputsFingerprint.of(classes, List.of(classes, jar, resources), List.of(pluginJar), with);
  }

  private static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void theSameInputsGiveTheSameFingerprint() {
    String first = fingerprint();
    assertEquals(first, fingerprint());
    assertEquals(64, first.length());
  }

  @Test
  void aClassEditedAddedOrRemovedChangesIt() throws IOException {
    String before = fingerprint();
    write(classes.resolve("com/acme/Monitoring.class"), "class v2"); // same size, other bytes
    String edited = fingerprint();
    assertNotEquals(before, edited);

    write(classes.resolve("com/acme/Added.class"), "added");
    String added = fingerprint();
    assertNotEquals(edited, added);

    Files.delete(classes.resolve("com/acme/Added.class"));
    assertEquals(edited, fingerprint(), "back to the same files, back to the same fingerprint");
    Files.delete(classes.resolve("com/acme/Other.class"));
    assertNotEquals(edited, fingerprint());
  }

  @Test
  void aJarReplacedOrTouchedChangesIt() throws IOException {
    String before = fingerprint();
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
    String touched = fingerprint();
    assertNotEquals(before, touched);
    FileTime time = Files.getLastModifiedTime(jar);
    write(jar, "other jar bytes");
    Files.setLastModifiedTime(jar, time);
    assertNotEquals(touched, fingerprint(), "a jar of another size");
  }

  @Test
  void aClasspathFolderIsReadByContent() throws IOException {
    String before = fingerprint();
    write(resources.resolve("META-INF/services/dev.sredsl.dsl.SreDefinitions"), "com.shared.Changed\n");
    assertNotEquals(before, fingerprint());
  }

  @Test
  void theClasspathItselfCounts() throws IOException {
    String before = fingerprint();
    Path more = write(work.resolve("repo/more.jar"), "more");
    assertNotEquals(before, InputsFingerprint.of(classes, List.of(classes, jar, resources, more), List.of(pluginJar),
        settings));
    assertNotEquals(before, InputsFingerprint.of(classes, List.of(classes, resources, jar), List.of(pluginJar),
        settings), "the order decides which class wins");
    assertNotEquals(before, InputsFingerprint.of(classes, List.of(classes, jar, resources, work.resolve("gone.jar")),
        List.of(pluginJar), settings), "a missing entry");
  }

  @Test
  void anotherPluginChangesIt() throws IOException {
    String before = fingerprint();
    Files.setLastModifiedTime(pluginJar, FileTime.fromMillis(Files.getLastModifiedTime(pluginJar).toMillis() + 1000));
    assertNotEquals(before, fingerprint());
    assertNotEquals(before, InputsFingerprint.of(classes, List.of(classes, jar, resources), List.of(), settings));
  }

  @Test
  void aTemplateEditedOrAddedChangesIt() throws IOException {
    String before = fingerprint();
    write(templates.resolve("runbook.md.ftl"), "# Runbook of ${service.name}\n");
    String edited = fingerprint();
    assertNotEquals(before, edited);
    write(templates.resolve("index.md.ftl"), "# Index\n");
    assertNotEquals(edited, fingerprint());
  }

  /** One change of every setting; a setting added to GenerationSettings must be added here. */
  private final Map<String, UnaryOperator<GenerationSettings>> changes = changesOfEverySetting();

  private Map<String, UnaryOperator<GenerationSettings>> changesOfEverySetting() {
    Map<String, UnaryOperator<GenerationSettings>> c = new LinkedHashMap<>();
    c.put("runbookBaseUrl", s -> new GenerationSettings("https://docs.example.com", s.grafanaBaseUrl(),
        s.prometheusRuleLabels(), s.grafanaDashboardsPath(), s.grafanaInstanceSelector(), s.templatesDirectory(),
        s.alertmanager()));
    c.put("grafanaBaseUrl", s -> new GenerationSettings(s.runbookBaseUrl(), null, s.prometheusRuleLabels(),
        s.grafanaDashboardsPath(), s.grafanaInstanceSelector(), s.templatesDirectory(), s.alertmanager()));
    c.put("prometheusRuleLabels", s -> new GenerationSettings(s.runbookBaseUrl(), s.grafanaBaseUrl(),
        Map.of("release", "prometheus", "team", "payments"), s.grafanaDashboardsPath(), s.grafanaInstanceSelector(),
        s.templatesDirectory(), s.alertmanager()));
    c.put("grafanaDashboardsPath", s -> new GenerationSettings(s.runbookBaseUrl(), s.grafanaBaseUrl(),
        s.prometheusRuleLabels(), "/srv/dashboards", s.grafanaInstanceSelector(), s.templatesDirectory(),
        s.alertmanager()));
    c.put("grafanaInstanceSelector", s -> new GenerationSettings(s.runbookBaseUrl(), s.grafanaBaseUrl(),
        s.prometheusRuleLabels(), s.grafanaDashboardsPath(), Map.of("dashboards", "other"), s.templatesDirectory(),
        s.alertmanager()));
    c.put("templatesDirectory", s -> new GenerationSettings(s.runbookBaseUrl(), s.grafanaBaseUrl(),
        s.prometheusRuleLabels(), s.grafanaDashboardsPath(), s.grafanaInstanceSelector(), null, s.alertmanager()));
    c.put("alertmanager", s -> new GenerationSettings(s.runbookBaseUrl(), s.grafanaBaseUrl(),
        s.prometheusRuleLabels(), s.grafanaDashboardsPath(), s.grafanaInstanceSelector(), s.templatesDirectory(),
        new AlertmanagerSettings("default", "{team}-pager", "{team}-ticket", "{team}-chat")));
    c.put("sloWindowForm", s -> s.withSloWindowForm(SloWindowForm.RAW));
    return c;
  }

  @Test
  void everySettingChangesIt() {
    Set<String> components = new TreeSet<>(Arrays.stream(GenerationSettings.class.getRecordComponents())
        .map(RecordComponent::getName).toList());
    assertEquals(components, new TreeSet<>(changes.keySet()), "a change for every setting");
    String before = fingerprint();
    changes.forEach((name, change) -> {
      GenerationSettings changed = change.apply(settings);
      assertNotEquals(settings, changed, name);
      assertNotEquals(before, fingerprint(changed), name);
    });
  }

  @Test
  void everyReceiverChangesIt() {
    String before = fingerprint();
    for (AlertmanagerSettings receivers : List.of(
        new AlertmanagerSettings("fallback", "{team}-page", "{team}-ticket", "{team}-chat"),
        new AlertmanagerSettings("default", "{team}-page", "{team}-tickets", "{team}-chat"),
        new AlertmanagerSettings("default", "{team}-page", "{team}-ticket", "{team}-slack"))) {
      assertNotEquals(before, fingerprint(new GenerationSettings(settings.runbookBaseUrl(), settings.grafanaBaseUrl(),
          settings.prometheusRuleLabels(), settings.grafanaDashboardsPath(), settings.grafanaInstanceSelector(),
          settings.templatesDirectory(), receivers)), receivers.toString());
    }
  }

  @Test
  void aSettingItCannotReadIsAnErrorNotLeftOut() {
    record Odd(Object value) {}
    assertThrows(IllegalArgumentException.class,
        () -> InputsFingerprint.of(classes, List.of(), List.of(), new Odd(new StringBuilder("x"))));
  }

  @Test
  void missingClassesGiveAFingerprintToo() {
    Path missing = work.resolve("no-classes");
    assertEquals(InputsFingerprint.of(missing, List.of(), List.of(), settings),
        InputsFingerprint.of(missing, List.of(), List.of(), settings));
    assertNotEquals(fingerprint(), InputsFingerprint.of(missing, List.of(jar, resources), List.of(pluginJar), settings));
  }
}
