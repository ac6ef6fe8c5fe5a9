package dev.sopkit.render.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftTest {
  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", Drift.diff("a.csv", "x\ny\n", "x\ny\n"));
  }

  @Test
  void aChangedLineIsAUnifiedDiffWithContext() {
    assertEquals(
        "--- a.csv\n+++ a.csv (rendered)\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
        Drift.diff("a.csv", "a\nb\nc\n", "a\nB\nc\n"));
  }

  @Test
  void aDifferenceOnlyInLineEndingsIsNamed() {
    String diff = Drift.diff("a.csv", "a\r\nb\r\n", "a\nb\n");
    assertTrue(diff.endsWith("the files differ only in line endings or the final newline\n"), diff);
    assertTrue(Drift.diff("a.csv", "a\nb", "a\nb\n").contains("final newline"));
  }

  @Test
  void aLongDiffIsCut() {
    String old =
        IntStream.range(0, 200).mapToObj(i -> "old " + i + "\n").collect(Collectors.joining());
    String now =
        IntStream.range(0, 200).mapToObj(i -> "new " + i + "\n").collect(Collectors.joining());
    String diff = Drift.diff("a.csv", old, now);
    assertEquals(Drift.MAX_LINES + 1, diff.lines().count());
    assertTrue(diff.endsWith("... " + (403 - Drift.MAX_LINES) + " more diff lines\n"), diff);
  }
}
