package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void replacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.json");
    Files.writeString(target, "old");
    AtomicWrite.write(target, "new ✓\n");
    assertEquals("new ✓\n", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void aTargetThatCannotBeReplacedKeepsItsContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("busy");
    Files.createDirectories(target.resolve("child")); // a non-empty folder cannot be replaced
    assertThrows(IOException.class, () -> AtomicWrite.write(target, "new"));
    assertEquals(List.of(target), files());
  }

  @Test
  void aNewFileGetsTheModeAnyProgramWouldGiveIt() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // the user's umask decides
    Path written = dir.resolve("org.yaml");
    AtomicWrite.write(written, "name: acme\n");
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
  }

  @Test
  void aReplacedFileKeepsItsMode() throws IOException {
    Path target = Files.writeString(dir.resolve("script.sh"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x---"));
    AtomicWrite.write(target, "new");
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }
}
