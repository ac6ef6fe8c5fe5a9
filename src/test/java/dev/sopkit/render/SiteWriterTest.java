package dev.sopkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are made on several threads; what the site and its failures look like must not show it. */
class SiteWriterTest {
  @TempDir Path work;

  private static SiteFile text(String path, String text) {
    return new SiteFile(path, w -> w.write(text));
  }

  private static SiteFile failing(String path, long afterMillis) {
    return new SiteFile(
        path,
        w -> {
          try {
            Thread.sleep(afterMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new RenderException("cannot make " + path);
        });
  }

  private void write(List<SiteFile> files) {
    SiteWriter.write(work.resolve("site"), "site", files, false, work.resolve("sops"));
  }

  @Test
  void writesEveryFileAndAManifestInPathOrder() throws IOException {
    List<SiteFile> files = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      files.add(text("pages/" + (199 - i) + ".html", "page " + (199 - i)));
    }
    files.add(text("index.html", "home"));
    write(files);
    assertEquals("page 7", Files.readString(work.resolve("site/pages/7.html")));
    assertEquals("home", Files.readString(work.resolve("site/index.html")));
    List<String> manifest = Files.readAllLines(work.resolve("site/" + SiteWriter.MANIFEST));
    assertEquals(201, manifest.size());
    assertEquals("index.html", manifest.get(0));
    assertEquals("pages/0.html", manifest.get(1));
  }

  @Test
  void theFirstFailureInListOrderIsReportedWhicheverFailsFirst() throws IOException {
    List<SiteFile> files = new ArrayList<>();
    files.add(failing("slow.html", 300));
    for (int i = 0; i < 50; i++) {
      files.add(failing("quick-" + i + ".html", 0));
    }
    RenderException e = assertThrows(RenderException.class, () -> write(files));
    assertEquals("cannot make slow.html", e.getMessage());
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(0, left.count(), "no site and no temporary folder");
    }
  }

  @Test
  void twoFilesOfOneNameAreABug() {
    List<SiteFile> files = List.of(text("a.html", "1"), text("a.html", "2"));
    assertThrows(IllegalArgumentException.class, () -> write(files));
  }
}
