package dev.sopkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counts `sop validate --verbose` prints: files the YAML reader read, and why it left others. */
class FastPathStatsTest {

  private static void load(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    YamlLoader.load(new SourceFile("x.yaml", "x.yaml", bytes.length, () -> bytes));
  }

  @Test
  void countsFilesReadAndTheReasonEachOtherFileLeftTheReader() {
    FastPathStats.reset();
    load("a: 1\nb: [x, y]\n");
    load("a: 2\n");
    load("%YAML 1.2\n---\na: 1\n");
    load("a: \"x\\ey\"\n");
    load("a: \"one\\Ntwo\"\n");
    assertEquals(2, FastPathStats.YAML.taken());
    assertEquals(
        List.of(
            Map.entry("a rare escape in a double-quoted scalar", 2L),
            Map.entry("a document marker ('---', '...') or a directive", 1L)),
        FastPathStats.YAML.reasons());
    assertEquals(
        "YAML reader: 2 of 5 files, 3 to snakeyaml (2 a rare escape in a double-quoted scalar; 1 a"
            + " document marker ('---', '...') or a directive)",
        FastPathStats.YAML.describe());
    FastPathStats.reset();
    assertEquals("YAML reader: 0 of 0 files, 0 to snakeyaml", FastPathStats.YAML.describe());
  }
}
