package dev.sopkit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sopkit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's corpus generator: reproducible, and its expected findings are sop's findings. */
class CorpusGeneratorTest {

  @Test
  void sameSeedGivesTheSameBytes(@TempDir Path tmp) throws IOException {
    CorpusGenerator.generate(tmp.resolve("a"), 120, 7, 10, 10);
    CorpusGenerator.generate(tmp.resolve("b"), 120, 7, 10, 10);
    CorpusGenerator.generate(tmp.resolve("c"), 120, 8, 10, 10);
    List<Path> a = files(tmp.resolve("a"));
    assertEquals(a, files(tmp.resolve("b")));
    assertEquals(122, a.size(), "org.yaml, expected.txt and 120 SOPs");
    for (Path p : a) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(p)),
          Files.readAllBytes(tmp.resolve("b").resolve(p)),
          p.toString());
    }
    assertNotEquals(
        Files.readString(tmp.resolve("a/org.yaml")) + a,
        Files.readString(tmp.resolve("c/org.yaml")) + files(tmp.resolve("c")),
        "another seed gives another corpus");
  }

  @Test
  void filesAreRealisticInSize(@TempDir Path tmp) throws IOException {
    CorpusGenerator.generate(tmp, 200, 3, 0, 0);
    try (Stream<Path> s = Files.walk(tmp)) {
      List<Long> sizes =
          s.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("org.yaml"))
              .map(p -> p.toFile().length())
              .toList();
      assertEquals(200, sizes.size());
      assertTrue(sizes.stream().allMatch(n -> n >= 1800 && n <= 6000), sizes.toString());
    }
    long departments =
        Files.readString(tmp.resolve("org.yaml")).lines().filter(l -> l.startsWith("  - id:")).count();
    assertTrue(departments >= 13 && departments <= 21, "12 to 20 departments and the customer");
  }

  @Test
  void expectedFindingsAreExactlyWhatSopReports(@TempDir Path tmp) throws IOException {
    // A high share of problems, so every kind of injected problem occurs in a small corpus.
    int count = CorpusGenerator.generate(tmp, 300, 11, 20, 20);
    List<String> expected = Files.readAllLines(tmp.resolve("expected.txt"));
    assertEquals(count, expected.size());
    assertTrue(count > 60, "about 40% of 300 files have a problem, got " + count);
    for (String kind :
        List.of("unknown role", "unknown system", "unknown channel", "should be text",
            "ISO-8601 duration", "unknown field")) {
      assertTrue(expected.stream().anyMatch(l -> l.contains(kind)), kind);
    }

    Cli.Run run = Cli.run(tmp, "validate", ".", "--quiet", "--today", CorpusGenerator.TODAY);
    assertEquals(1, run.exit(), run.err());
    assertEquals(expected, run.out().lines().sorted().toList());
  }

  @Test
  void aCorpusWithoutInjectedProblemsIsClean(@TempDir Path tmp) throws IOException {
    assertEquals(0, CorpusGenerator.generate(tmp, 150, 5, 0, 0));
    Cli.Run run = Cli.run(tmp, "validate", ".", "--today", CorpusGenerator.TODAY);
    assertEquals("no problems in 151 files\n", run.out());
    assertEquals(0, run.exit());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
