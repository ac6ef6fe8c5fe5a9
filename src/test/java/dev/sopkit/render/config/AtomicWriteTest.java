package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
