package dev.sredsl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

  @TempDir
  Path work;

  private final OutputWriter writer = new OutputWriter();

  private static GeneratedFiles files(String... pathsAndContents) {
    GeneratedFiles files = new GeneratedFiles();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.add(GeneratedFile.text(pathsAndContents[i], pathsAndContents[i + 1]));
    }
    return files;
  }

  /** Every file under the folder, relative path to content. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        tree.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return tree;
  }

  @Test
  void writesFilesAndAManifestOfThem() throws IOException {
    Path out = work.resolve("target/sre");

    OutputWriter.Result result = writer.write(out, files("prometheus/a.rules.yml", "a\r\n", "prometheus/b.rules.yml", "b\n"));

    assertEquals(new OutputWriter.Result(2, 0, 0), result);
    assertEquals(Map.of(
        ".sre-manifest", "prometheus/a.rules.yml\nprometheus/b.rules.yml\n",
        "prometheus/a.rules.yml", "a\n",
        "prometheus/b.rules.yml", "b\n"), tree(out));
  }

  @Test
  void leavesUnchangedFilesAloneIncludingTheirTimestamps() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("prometheus/a.rules.yml", "a\n", "prometheus/b.rules.yml", "b\n"));
    Path a = out.resolve("prometheus/a.rules.yml");
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(a, old);

    OutputWriter.Result result = writer.write(out, files("prometheus/a.rules.yml", "a\n", "prometheus/b.rules.yml", "B\n"));

    assertEquals(new OutputWriter.Result(1, 1, 0), result);
    assertEquals(old, Files.getLastModifiedTime(a));
    assertEquals("B\n", Files.readString(out.resolve("prometheus/b.rules.yml")));
  }

  @Test
  void deletesFilesOfRemovedServicesButNeverFilesItDidNotWrite() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("prometheus/gone.rules.yml", "x\n", "prometheus/kept.rules.yml", "k\n", "old/only.txt", "o\n"));
    Files.writeString(out.resolve("prometheus/NOTES.md"), "mine");

    OutputWriter.Result result = writer.write(out, files("prometheus/kept.rules.yml", "k\n"));

    assertEquals(new OutputWriter.Result(0, 1, 2), result);
    assertEquals(Map.of(
        ".sre-manifest", "prometheus/kept.rules.yml\n",
        "prometheus/NOTES.md", "mine",
        "prometheus/kept.rules.yml", "k\n"), tree(out));
    assertFalse(Files.exists(out.resolve("old")), "a folder emptied by the cleanup is removed");
  }

  @Test
  void aFailureWhileStagingLeavesThePreviousOutputIntact() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("prometheus/a.rules.yml", "good\n"));
    Map<String, String> before = tree(out);
    // "grafana" as a file and as a folder cannot both be staged: the write fails midway.
    GeneratedFiles clashing = files("grafana", "x", "grafana/d.json", "{}", "prometheus/a.rules.yml", "new\n");

    assertThrows(UncheckedIOException.class, () -> writer.write(out, clashing));

    assertEquals(before, tree(out));
    try (Stream<Path> entries = Files.list(out)) {
      assertEquals(List.of(".sre-manifest", "prometheus"),
          entries.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder is left behind");
    }
  }

  @Test
  void removesStagingFoldersLeftByAKilledRun() throws IOException {
    Path out = work.resolve("sre");
    Files.createDirectories(out.resolve(".sre-staging-dead/prometheus"));
    Files.writeString(out.resolve(".sre-staging-dead/prometheus/x.yml"), "half");

    writer.write(out, files("prometheus/a.rules.yml", "a\n"));

    assertFalse(Files.exists(out.resolve(".sre-staging-dead")));
  }

  @Test
  void aManifestPointingOutsideTheOutputIsNotFollowed() throws IOException {
    Path out = work.resolve("sre");
    Path outside = work.resolve("precious.txt");
    Files.writeString(outside, "keep me");
    Files.createDirectories(out);
    Files.writeString(out.resolve(OutputWriter.MANIFEST), "../precious.txt\n");

    writer.write(out, files("prometheus/a.rules.yml", "a\n"));

    assertTrue(Files.exists(outside));
  }

  @Test
  void generatedPathsCannotEscapeTheOutputFolder() {
    for (String bad : List.of("../x.yml", "/etc/passwd", "a/../../x", "a//b", "", "a/./b", "C:\\x")) {
      assertThrows(IllegalArgumentException.class, () -> files(bad, "x"), bad);
    }
  }

  @Test
  void anUncommittedSessionLeavesNoOutputFolderBehind() {
    Path out = work.resolve("target/sre");

    try (OutputWriter.Session session = writer.open(out)) {
      session.accept(GeneratedFile.text("prometheus/a.rules.yml", "a\n"));
      // Generation fails here: the session is closed without a commit.
    }

    assertFalse(Files.exists(work.resolve("target")), "a failed run writes nothing, not even the folder");
  }

  @Test
  void aSessionRefusesAFileTwice() {
    try (OutputWriter.Session session = writer.open(work.resolve("sre"))) {
      session.accept(GeneratedFile.text("a.yml", "a\n"));
      assertThrows(IllegalStateException.class, () -> session.accept(GeneratedFile.text("a.yml", "b\n")));
      assertThrows(IllegalArgumentException.class, () -> session.accept(GeneratedFile.text("../b.yml", "b\n")));
    }
  }

  @Test
  void theOutputOfRecordedInputsIsUpToDateForThoseInputsOnly() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("prometheus/a.rules.yml", "a\n", "runbooks/README.md", "# Runbooks\n"), "inputs-1");
    // Files the plugin did not write do not matter.
    Files.writeString(out.resolve("NOTES.md"), "mine");

    assertEquals(new OutputWriter.UpToDate(true, 2, null), OutputWriter.upToDate(out, "inputs-1"));
    OutputWriter.UpToDate other = OutputWriter.upToDate(out, "inputs-2");
    assertFalse(other.upToDate());
    assertTrue(other.reason().contains("changed since the last generation"), other.reason());
  }

  @Test
  void anEditedOrDeletedOutputFileIsNotUpToDate() throws IOException {
    Path out = work.resolve("sre");
    GeneratedFiles generated = files("prometheus/a.rules.yml", "groups: []\n", "runbooks/README.md", "# Runbooks\n");
    writer.write(out, generated, "inputs");

    Files.writeString(out.resolve("prometheus/a.rules.yml"), "groups: {}\n"); // same size, other bytes
    OutputWriter.UpToDate edited = OutputWriter.upToDate(out, "inputs");
    assertFalse(edited.upToDate());
    assertEquals("prometheus/a.rules.yml was changed since it was generated", edited.reason());

    writer.write(out, generated, "inputs");
    assertTrue(OutputWriter.upToDate(out, "inputs").upToDate());
    Files.delete(out.resolve("runbooks/README.md"));
    assertEquals("runbooks/README.md was deleted since it was generated", OutputWriter.upToDate(out, "inputs").reason());
  }

  @Test
  void outputWithoutARecordOrWrittenWithoutInputsIsNotUpToDate() throws IOException {
    Path out = work.resolve("sre");
    assertFalse(OutputWriter.upToDate(out, "inputs").upToDate(), "nothing generated yet");

    writer.write(out, files("a.yml", "a\n"), "inputs");
    writer.write(out, files("a.yml", "a\n"));

    assertFalse(Files.exists(out.resolve(OutputWriter.INPUTS)));
    assertFalse(OutputWriter.upToDate(out, "inputs").upToDate());
  }

  @Test
  void aManifestThatNoLongerListsTheRecordedFilesIsNotUpToDate() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("a.yml", "a\n", "b.yml", "b\n"), "inputs");

    Files.writeString(out.resolve(OutputWriter.MANIFEST), "a.yml\n");

    assertFalse(OutputWriter.upToDate(out, "inputs").upToDate());
  }

  @Test
  void aRunThatFailsWhileReplacingTheOutputLeavesNoRecordBehind() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("prometheus/a.rules.yml", "a\n", "prometheus/b.rules.yml", "b\n"), "inputs");
    // A folder where a changed file must go: its rename into place fails after the other has moved.
    Files.delete(out.resolve("prometheus/b.rules.yml"));
    Files.createDirectories(out.resolve("prometheus/b.rules.yml/blocker"));

    assertThrows(UncheckedIOException.class, () -> writer.write(out,
        files("prometheus/a.rules.yml", "A\n", "prometheus/b.rules.yml", "B\n"), "inputs"));

    assertFalse(Files.exists(out.resolve(OutputWriter.INPUTS)));
    assertFalse(OutputWriter.upToDate(out, "inputs").upToDate());
  }

  @Test
  void theRecordHoldsTheHashAndSizeOfEveryFile() throws IOException {
    Path out = work.resolve("sre");
    writer.write(out, files("a.yml", "a\n"), "f00d");

    assertEquals(List.of("inputs f00d",
            // SHA-256 of "a\n"
            "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7 2 a.yml"),
        Files.readAllLines(out.resolve(OutputWriter.INPUTS)).subList(1, 3));
  }
}
