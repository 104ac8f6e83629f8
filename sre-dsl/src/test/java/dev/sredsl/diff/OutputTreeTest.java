package dev.sredsl.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sredsl.output.OutputWriter;
import dev.sredsl.problem.SettingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines read from a folder or a zip, and the one line each kind of wrong baseline gets. */
class OutputTreeTest {

  private static final String SETTING = "sre.diffBaseline";

  @TempDir
  Path work;

  /** The example service's output, written as sre:generate writes it. */
  private Path generated(String folder) {
    Path out = work.resolve(folder);
    new OutputWriter().write(out, new dev.sredsl.pipeline.SrePipeline().generate(
        PlanFixtures.declare(PlanFixtures.BASE), PlanFixtures.SETTINGS));
    return out;
  }

  private static void zip(Path folder, Path zip, String prefix) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
        var files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
        z.write(Files.readAllBytes(file));
        z.closeEntry();
      }
    }
  }

  private static String message(Path location) {
    SettingException wrong = assertThrows(SettingException.class, () -> OutputTree.read(location, SETTING));
    assertFalse(wrong.getMessage().contains("\n"), wrong.getMessage());
    assertTrue(wrong.getMessage().startsWith(SETTING + ": "), wrong.getMessage());
    return wrong.getMessage();
  }

  @Test
  void aFolderAndAZipOfItAreTheSameTree() throws IOException {
    Path folder = generated("sre");
    Path zip = work.resolve("sre-output-main.zip");
    // Artifact stores keep the folder's path: the tree is found wherever it sits in the zip.
    zip(folder, zip, "target/sre/");
    OutputTree fromFolder = OutputTree.read(folder, SETTING);
    OutputTree fromZip = OutputTree.read(zip, SETTING);
    assertEquals(java.util.List.of("checkout"), fromZip.services());
    Plan plan = new MonitoringDiff(SETTING).compare(fromZip, fromFolder);
    assertTrue(plan.isEmpty(), PlanMarkdown.render(plan));
  }

  @Test
  void aMissingBaselineIsNamed() {
    assertEquals(SETTING + ": " + work.resolve("nowhere") + " does not exist; point it at the target/sre folder of the"
        + " baseline build, or a zip of one", message(work.resolve("nowhere")));
  }

  @Test
  void aFolderThatIsNotSreDslOutputIsRefused() throws IOException {
    Path folder = Files.createDirectories(work.resolve("site"));
    Files.writeString(folder.resolve("index.html"), "<html></html>");
    assertEquals(SETTING + ": " + folder + " is not sre-dsl output (it has no .sre-manifest); point it at a"
        + " target/sre folder made by sre:generate, or a zip of one", message(folder));
  }

  @Test
  void outputWithoutSnapshotsIsFromAnOlderSreDsl() throws IOException {
    Path folder = generated("old");
    Files.delete(folder.resolve("snapshot/checkout.json"));
    assertEquals(SETTING + ": " + folder + " holds no snapshot/<service>.json, so an sre-dsl older than this one"
        + " made it; generate the baseline again with this version", message(folder));
  }

  @Test
  void aSnapshotOfANewerFormatIsRefused() throws IOException {
    Path folder = generated("newer");
    Path snapshot = folder.resolve("snapshot/checkout.json");
    Files.writeString(snapshot, Files.readString(snapshot).replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
    assertEquals(SETTING + ": " + folder + ": snapshot/checkout.json has format version 2, newer than the 1 this"
        + " sre-dsl reads; run sre:diff with the sre-dsl version that made the baseline, or a newer one",
        message(folder));
  }

  @Test
  void aSnapshotThatIsNotJsonIsRefused() throws IOException {
    Path folder = generated("broken");
    Files.writeString(folder.resolve("snapshot/checkout.json"), "{ not json");
    assertEquals(SETTING + ": " + folder + ": snapshot/checkout.json is not valid JSON; generate the baseline again"
        + " with sre:generate", message(folder));
  }

  @Test
  void aCorruptZipIsRefused() throws IOException {
    Path folder = generated("sre");
    Path zip = work.resolve("baseline.zip");
    zip(folder, zip, "");
    byte[] bytes = Files.readAllBytes(zip);
    // Cut in the middle of an entry's compressed data.
    Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    String message = message(zip);
    assertTrue(message.startsWith(SETTING + ": " + zip + " is not a readable zip file ("), message);
    assertTrue(message.endsWith("); download or create the baseline archive again"), message);
  }

  @Test
  void aFileThatIsNoZipIsRefused() throws IOException {
    Path text = work.resolve("baseline.zip");
    Files.writeString(text, "just text", StandardCharsets.UTF_8);
    assertEquals(SETTING + ": " + text + " is not a zip file, or an empty one; point it at a target/sre folder or a"
        + " zip of one", message(text));
  }
}
